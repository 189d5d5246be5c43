import { sql } from 'kysely';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { updateSection, updateTopic } from '../../src/features/entities/update-entities.ts';
import { saveSiteSettings } from '../../src/features/reading/settings/site-settings.ts';
import { rendererId } from '../../src/ui/renderer-id.ts';
import type { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  DIALOGUE,
  demoApp,
  editPublicationAt,
  FLOOD,
  publicationAt,
  renamePerson,
} from '../support/demo-context.ts';
import { editPublication, fixedClock } from '../support/factories.ts';

const FLOOD_KO = '/reports/kyo-hwa-so-no-12-flooding-ko/';
const CAMP_UPDATE = '/reports/north-korea-camp-no-25-update-2/';
const VOICE = '/articles/a-voice-from-the-north-korean-gulag/';

type App = ReturnType<typeof createApp>;

/**
 * Every page answered in this file, by ETag. The tags are made from what the page follows from,
 * not from its bytes (src/ui/pages/layout.tsx); whatever the edits below change, a tag seen before
 * must never name other bytes, or a reader revalidating would keep a stale page.
 */
const pagesByEtag = new Map<string, string>();

async function get(app: App, path: string) {
  const res = await app.request(`http://localhost${path}`);
  const page = { status: res.status, etag: res.headers.get('etag'), html: await res.text() };
  if (page.status === 200 && page.etag) {
    const seen = pagesByEtag.get(page.etag);
    if (seen === undefined) pagesByEtag.set(page.etag, page.html);
    else expect(page.html, `${path} under a tag seen before`).toBe(seen);
  }
  return page;
}

async function storedLocales(ctx: WiredContext, path: string): Promise<string[]> {
  const { id } = await publicationAt(ctx, path);
  const rows = await ctx.db.kysely
    .selectFrom('publicationRenders')
    .select('locale')
    .where('publicationId', '=', id)
    .orderBy('locale')
    .execute();
  return rows.map((r) => r.locale);
}

/** The render cache is off throughout: every answer below is assembled from the database. */
describeEachDatabase('publication pages stored at their first reading', (db, dialect) => {
  const clock = fixedClock('2026-06-01T12:00:00.000Z');
  let ctx: WiredContext;
  let app: App;
  beforeAll(async () => {
    ({ ctx, app } = await demoApp(db(), clock));
  }, 120_000);

  it('answers from the stored parts with the very bytes of the first render, per language', async () => {
    expect(await storedLocales(ctx, DIALOGUE)).toEqual([]);
    const first = await get(app, DIALOGUE);
    expect(await storedLocales(ctx, DIALOGUE)).toEqual(['en']);
    const second = await get(app, DIALOGUE);
    expect(second.status).toBe(200);
    expect(second.html).toBe(first.html);
    expect(second.etag).toBe(first.etag);
    const ko = await get(app, `/ko${DIALOGUE}`);
    expect(await storedLocales(ctx, DIALOGUE)).toEqual(['en', 'ko']);
    expect(ko.html).toContain('<html lang="ko">');
    expect((await get(app, `/ko${DIALOGUE}`)).html).toBe(ko.html);
  });

  it('answers readers arriving together each with their own page, in one lookup on PostgreSQL', async () => {
    const paths = [
      DIALOGUE,
      `/ko${DIALOGUE}`,
      FLOOD,
      FLOOD_KO,
      DIALOGUE,
      '/articles/no-such-piece/',
      CAMP_UPDATE,
    ];
    const alone = [];
    for (const path of paths) alone.push(await get(app, path));
    const pool = ctx.db.pgPool;
    const sent = pool ? vi.spyOn(pool, 'query') : null;
    try {
      const together = await Promise.all(paths.map((path) => get(app, path)));
      expect(together.map((p) => p.status)).toEqual([200, 200, 200, 200, 200, 404, 200]);
      for (const [i, page] of together.entries()) {
        if (page.status === 200) expect(page.html, paths[i]).toBe(alone[i]!.html);
      }
      if (sent) {
        const lookups = sent.mock.calls
          .map(([query]) => query as unknown as { text?: string; values?: unknown[][] })
          .filter((query) => query.text?.includes('unnest'));
        // Six addresses: the same page asked for twice is looked up once.
        expect(lookups.map((query) => query.values?.[0]?.length)).toEqual([6]);
      }
    } finally {
      sent?.mockRestore();
    }
  });

  it('shows an edit at once: the save moves the stamp the stored parts were made under', async () => {
    await get(app, DIALOGUE);
    await editPublicationAt(ctx, DIALOGUE, {
      title: 'A dialogue, revised',
      summary: 'A summary written later.',
    });
    const page = await get(app, DIALOGUE);
    expect(page.html).toContain('<h1 lang="en">A dialogue, revised</h1>');
    expect(page.html).toContain('<meta name="citation_title" content="A dialogue, revised"/>');
    expect(page.html).toContain('A summary written later.');
    expect((await get(app, DIALOGUE)).html).toBe(page.html);
  });

  it("shows a person's new name and a topic's new name on the stored pages of their work", async () => {
    await get(app, DIALOGUE);
    await get(app, FLOOD);
    await renamePerson(ctx, 'roberta-cohen', 'Roberta A. Cohen', 'Cohen, Roberta A.');
    const dialogue = (await get(app, DIALOGUE)).html;
    expect(dialogue).toContain('Roberta A. Cohen');
    // Citation managers read the name family name first, from the sort name.
    expect(dialogue).toContain('<meta name="citation_author" content="Cohen, Roberta A."/>');
    const flood = await publicationAt(ctx, FLOOD);
    const topic = (await ctx.repos.topics.findByIds(flood.topicIds))[0]!;
    await updateTopic(ctx, topic.id, { ...topic, name: 'Renamed key word' }, SYSTEM_ACTOR);
    expect((await get(app, FLOOD)).html).toContain('Renamed key word');
  });

  it("shows the site's new name and a section's new title on every stored page, frame and parts", async () => {
    await get(app, FLOOD);
    await get(app, DIALOGUE);
    await saveSiteSettings(ctx, { name: 'The Renamed Archive', navigation: null }, SYSTEM_ACTOR);
    const flood = (await get(app, FLOOD)).html;
    expect(flood).toContain('<span>The Renamed Archive</span>');
    expect(flood).toContain('<meta property="og:site_name" content="The Renamed Archive"/>');
    const reports = (await ctx.repos.sections.findBySlug('reports'))!;
    await updateSection(ctx, reports.id, { ...reports, title: 'Studies' }, SYSTEM_ACTOR);
    const renamed = (await get(app, FLOOD)).html;
    expect(renamed).toMatch(/<nav class="breadcrumbs"[\s\S]*<a href="\/reports\/">Studies<\/a>/);
    expect(renamed).toMatch(/<nav class="site-nav"[\s\S]*>Studies<\/a>/);
    expect((await get(app, DIALOGUE)).html).toContain('The Renamed Archive');
  });

  it('never serves stored parts of a piece withdrawn, in the trash or under a new embargo', async () => {
    await get(app, DIALOGUE);
    expect(await storedLocales(ctx, DIALOGUE)).toContain('en');
    await editPublicationAt(ctx, DIALOGUE, {
      embargoUntil: '2026-07-01T00:00:00.000Z',
    });
    expect((await get(app, DIALOGUE)).status).toBe(404);
    await editPublicationAt(ctx, DIALOGUE, {
      embargoUntil: null,
      status: 'withdrawn',
      withdrawnReason: 'Superseded',
    });
    const gone = await get(app, DIALOGUE);
    expect(gone.status).toBe(410);
    expect(gone.html).toContain('Superseded');
    expect(gone.html).not.toContain('class="body"');
  });

  it('never uses parts stored under stamps that a later write moved (a render racing a save)', async () => {
    const address = {
      section: 'reports',
      slug: FLOOD.split('/')[2]!,
      locale: 'en',
      renderer: rendererId(ctx.config.publicUrl),
    };
    const before = (await ctx.repos.publicationRenders.find(
      address.section,
      address.slug,
      address.locale,
      address.renderer,
    ))!;
    const flood = await editPublicationAt(ctx, FLOOD, { title: 'Flooding, saved during a render' });
    // The slow render read its stamps before the save and stores its (old) parts after it.
    const stale = {
      head: 'STALE',
      breadcrumbs: 'STALE',
      header: 'STALE',
      body: 'STALE',
      digest: 'STALE',
    };
    await ctx.repos.publicationRenders.store(
      flood.id,
      'en',
      address.renderer,
      { stamp: before.stamp, siteStamp: before.siteStamp },
      stale,
    );
    const after = await ctx.repos.publicationRenders.find(
      address.section,
      address.slug,
      address.locale,
      address.renderer,
    );
    expect(after?.parts).toBeNull();
    const page = (await get(app, FLOOD)).html;
    expect(page).not.toContain('STALE');
    expect(page).toContain('Flooding, saved during a render');
  });

  it('serves the page all the same when its parts cannot be stored (a busy or read-only database)', async () => {
    const refuse =
      dialect === 'sqlite'
        ? [
            sql`create trigger refuse_renders before insert on publication_renders
              begin select raise(abort, 'read-only'); end`,
          ]
        : [
            sql`create function refuse_renders() returns trigger language plpgsql
              as $$ begin raise exception 'read-only'; end $$`,
            sql`create trigger refuse_renders before insert or update on publication_renders
              for each row execute function refuse_renders()`,
          ];
    for (const statement of refuse) await statement.execute(ctx.db.kysely);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const page = await get(app, VOICE);
      expect(page.status).toBe(200);
      expect(page.html).toContain('A Voice from the North Korean Gulag');
      expect(await storedLocales(ctx, VOICE)).toEqual([]);
      expect(errors).toHaveBeenCalled();
    } finally {
      errors.mockRestore();
      await sql`drop trigger refuse_renders${sql.raw(dialect === 'sqlite' ? '' : ' on publication_renders')}`.execute(
        ctx.db.kysely,
      );
    }
    await get(app, VOICE);
    expect(await storedLocales(ctx, VOICE)).toEqual(['en']);
  });

  it('renders again what another version of Dossier, or another public URL, stored', async () => {
    await get(app, FLOOD);
    const flood = await publicationAt(ctx, FLOOD);
    await ctx.db.kysely
      .updateTable('publicationRenders')
      .set({ renderer: 'an-older-version', body: 'OLD MARKUP' })
      .where('publicationId', '=', flood.id)
      .execute();
    expect((await get(app, FLOOD)).html).not.toContain('OLD MARKUP');
    expect(rendererId('https://other.example.org')).not.toBe(rendererId(ctx.config.publicUrl));
  });

  it('links a translation only once it is public, with no write to the stored page', async () => {
    await editPublicationAt(ctx, FLOOD_KO, { embargoUntil: '2026-06-01T13:00:00.000Z' });
    const before = (await get(app, FLOOD)).html;
    expect(before).not.toContain('class="translations"');
    expect((await get(app, FLOOD)).html).toBe(before);
    clock.set('2026-06-01T13:00:01.000Z');
    const after = (await get(app, FLOOD)).html;
    expect(after).toContain(`<a href="${FLOOD_KO}" hreflang="ko" lang="ko">`);
  });

  // SQLite has one writer at a time; on PostgreSQL two writers stamp at once.
  it.skipIf(dialect === 'sqlite')(
    'lets a writer commit while another, still open, holds the stamp of a piece it will touch too',
    async () => {
      const a = (await publicationAt(ctx, DIALOGUE)).id;
      const b = (await publicationAt(ctx, FLOOD)).id;
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let stamped!: () => void;
      const firstStamped = new Promise<void>((r) => (stamped = r));
      const long = ctx.transactor.transaction(async (tx) => {
        await ctx.changes.publicationChanged(a, tx);
        stamped();
        await gate;
        await ctx.changes.publicationChanged(b, tx);
      });
      await firstStamped;
      const short = ctx.transactor.transaction((tx) => ctx.changes.publicationChanged(b, tx));
      const waited = await Promise.race([
        short.then(() => 'committed'),
        new Promise((r) => setTimeout(() => r('blocked'), 5_000)),
      ]);
      release();
      await long;
      await short;
      expect(waited).toBe('committed');
    },
  );

  it('renders a piece in a series whole every time: its position follows what is public', async () => {
    expect((await get(app, CAMP_UPDATE)).html).toContain('Part 3 of the series');
    expect(await storedLocales(ctx, CAMP_UPDATE)).toEqual([]);
  });
});

describeEachDatabase("the page frame's data kept between requests", (db) => {
  const clock = fixedClock('2026-06-01T12:00:00.000Z');
  let ctx: WiredContext;
  let app: App;
  beforeAll(async () => {
    ({ ctx, app } = await demoApp(db(), clock));
  }, 120_000);

  const menu = async (path = '/') =>
    /<nav class="site-nav"[\s\S]*?<\/nav>/.exec((await get(app, path)).html)?.[0] ?? '';

  it("drops a section from the menu when its last public piece leaves, through any page's request", async () => {
    expect(await menu(FLOOD)).toContain('href="/articles/"');
    const articles = (await ctx.repos.sections.findBySlug('articles'))!;
    const pieces = await ctx.db.kysely
      .selectFrom('publications')
      .selectAll()
      .where('sectionId', '=', articles.id)
      .where('status', '=', 'published')
      .execute();
    for (const p of pieces) await editPublication(ctx, p.id, { status: 'draft' });
    expect(await menu(FLOOD)).not.toContain('href="/articles/"');
    expect(await menu('/')).not.toContain('href="/articles/"');
  });

  it('adds a static page to the menu when its embargo passes, with no write at all', async () => {
    const about = await ctx.db.kysely
      .selectFrom('publications')
      .selectAll()
      .where('type', '=', 'page')
      .executeTakeFirstOrThrow();
    const record = await editPublication(ctx, about.id, {
      embargoUntil: '2026-06-01T14:00:00.000Z',
    });
    expect(await menu()).not.toContain(`>${record.title}<`);
    expect(await menu(FLOOD)).not.toContain(`>${record.title}<`);
    clock.set('2026-06-01T14:00:00.000Z');
    expect(await menu(FLOOD)).toContain(`>${record.title}<`);
    expect(await menu()).toContain(`>${record.title}<`);
  });
});

describe('the renderer id', () => {
  it('names the code and the public URL the stored pages were made with', () => {
    const id = rendererId('https://archive.example.org');
    expect(id).toBe(rendererId('https://archive.example.org'));
    expect(id.endsWith(':https://archive.example.org')).toBe(true);
    expect(id.split(':')[0]).toMatch(/^[\w-]{22}$/);
  });
});
