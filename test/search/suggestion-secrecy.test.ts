import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import type { PublicationRecord } from '../../src/core/entities.ts';
import { moveToTrash } from '../../src/features/publishing/trash.ts';
import { searchArchive } from '../../src/features/search/search-archive.ts';
import type { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPerson, buildPublication, buildTopic, fixedClock } from '../support/factories.ts';
import { archiveWithSection, EMBARGO_ENDS, edit, NOW, PAST, SCHEDULED_FOR } from './helpers.ts';

/**
 * "Did you mean" may offer only words of public work. A misspelt word of a hidden piece joined
 * to a word that finds public work (`xylophonast OR reprots`) must not come back corrected, on
 * the search page or in the API; neither may the names of people and topics credited only on
 * hidden work. The vocabulary follows time and edits: a word becomes suggestible when its piece
 * becomes public, and stops being suggestible when the piece is withdrawn, trashed or embargoed.
 */
describeEachDatabase('spelling suggestions come from public work only', (db) => {
  const clock = fixedClock(NOW);
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;
  let sectionId: number;

  /** The suggestion the search page and the API each offer for a query, as the reader sees it. */
  const suggestions = async (q: string) => {
    const page = await app.request(`/search?q=${encodeURIComponent(q)}`);
    expect(page.status).toBe(200);
    const link = cheerio
      .load(await page.text())('.suggestion a')
      .attr('href');
    const shown = link ? new URL(link, 'https://x.test').searchParams.get('q') : null;
    const res = await app.request(`/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { suggestion: { q: string } | null };
    return { page: shown, api: body.suggestion?.q ?? null };
  };
  const offered = async (q: string) => {
    const both = await suggestions(q);
    expect(both.page, 'the page and the API agree').toBe(both.api);
    return both.api;
  };

  beforeAll(async () => {
    ({ ctx, app, sectionId } = await archiveWithSection(db(), clock));
    const hiddenPerson = await buildPerson(ctx, 'Ottoline Quarrender');
    const hiddenTopic = await buildTopic(ctx, 'Cryptozoology');
    await buildPublication(ctx, {
      sectionId,
      publishedAt: PAST,
      title: 'Detention reports from the northern border',
      summary: 'Annual reports and one testimony, public to all.',
    });
    await buildPublication(ctx, {
      sectionId,
      publishedAt: PAST,
      embargoUntil: EMBARGO_ENDS,
      title: 'Xylophonist testimonies',
      summary: 'What the xylophonist saw.',
      contributions: [{ personId: hiddenPerson.id, role: 'author', credit: 'primary' }],
      topicIds: [hiddenTopic.id],
    });
    await buildPublication(ctx, {
      sectionId,
      publishedAt: SCHEDULED_FOR,
      title: 'Marimbaist accounts',
    });
  }, 60_000);

  it('corrects a misspelt public word', async () => {
    expect(await offered('reprots')).toBe('reports');
  });

  it('never corrects towards a word of an embargoed title, even beside a public word', async () => {
    for (const q of [
      'xylophonast OR reports',
      'xylophonast OR reprots',
      'Xylophonast OR reprots',
      'xylophonast',
    ]) {
      const s = await offered(q);
      expect(s ?? '', q).not.toMatch(/xylophonist/i);
    }
    // Checked as the exact word: the hidden "testimonies" shares its stem with the public
    // "testimony", and offering it would reveal it as surely as the title would.
    expect(await offered('testimonise')).toBeNull();
    // The public half is still corrected on its own.
    expect(await offered('xylophonast OR reprots')).toBe('xylophonast OR reports');
    expect(await offered('reprots OR detentoin')).toBe('reports OR detention');
  });

  it('never offers the names of people or topics credited only on hidden work', async () => {
    for (const q of ['Quarrendar OR reprots', 'Otoline OR reprots', 'cryptozoologi OR reprots']) {
      const s = await offered(q);
      expect(s ?? '', q).not.toMatch(/quarrender|ottoline|cryptozoology/i);
    }
  });

  it('never offers a hidden word for any misspelling of it', async () => {
    await fc.assert(
      fc.asyncProperty(misspelling('xylophonist'), async (typo) => {
        const r = await searchArchive(ctx, { q: `${typo} OR reprots`, now: new Date(NOW) });
        // The hidden word's misspelling is left as typed; only the public word may change.
        expect(r.suggestion?.q.split(' ')[0] ?? typo).toBe(typo);
      }),
      { numRuns: 25 },
    );
  });

  it('offers the words of a piece once its embargo ends or its date arrives', async () => {
    clock.set(EMBARGO_ENDS);
    expect(await offered('xylophonast OR reprots')).toBe('xylophonist OR reports');
    expect(await offered('Quarrendar')).toBe('Quarrender');
    expect(await offered('marimbaest')).toBeNull();
    clock.set(SCHEDULED_FOR);
    expect(await offered('marimbaest')).toBe('marimbaist');
    clock.set(NOW);
  });

  it('stops offering the words of a piece withdrawn, trashed or embargoed again', async () => {
    clock.set(NOW);
    const make = (title: string) => buildPublication(ctx, { sectionId, publishedAt: PAST, title });
    const withdrawn = await make('Theorbist memoirs');
    const trashed = await make('Sackbuttist memoirs');
    let reEmbargoed: PublicationRecord = await make('Crumhornist memoirs');
    expect(await offered('theorbest')).toBe('theorbist');
    expect(await offered('sackbuttest')).toBe('sackbuttist');
    expect(await offered('crumhornest')).toBe('crumhornist');

    await edit(ctx, withdrawn, { status: 'withdrawn', withdrawnReason: 'error' });
    await moveToTrash(ctx, trashed.id, SYSTEM_ACTOR);
    reEmbargoed = await edit(ctx, reEmbargoed, { embargoUntil: '2027-01-01T00:00:00.000Z' });
    for (const typo of ['theorbest', 'sackbuttest', 'crumhornest']) {
      expect(await offered(typo), typo).toBeNull();
      // Only the public word is corrected; the other is left as typed.
      expect(await offered(`${typo} OR reprots`), typo).toBe(`${typo} OR reports`);
    }
  });
});

/** Every spelling one slip away from `word`: a letter changed, dropped, added or swapped. */
function misspelling(word: string) {
  const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz');
  return fc
    .tuple(
      fc.nat({ max: word.length - 1 }),
      fc.constantFrom('change', 'drop', 'add', 'swap'),
      letter,
    )
    .map(([i, slip, c]) => {
      if (slip === 'change') return word.slice(0, i) + c + word.slice(i + 1);
      if (slip === 'drop') return word.slice(0, i) + word.slice(i + 1);
      if (slip === 'add') return word.slice(0, i) + c + word.slice(i);
      const j = Math.min(i + 1, word.length - 1);
      return word.slice(0, i) + word[j] + word[i] + word.slice(j + 1);
    })
    .filter((typo) => typo !== word);
}
