import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { ALL } from '../../src/core/cache-keys.ts';
import { updatePublication } from '../../src/features/publishing/save-publication.ts';
import { changeStatus, publishIfDue } from '../../src/features/publishing/workflow.ts';
import { saveSiteSettings } from '../../src/features/reading/settings/site-settings.ts';
import { RenderCache } from '../../src/infra/render-cache/lru-render-cache.ts';
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
import { fixedClock } from '../support/factories.ts';

type App = ReturnType<typeof createApp>;

async function get(app: App, path: string, headers: Record<string, string> = {}) {
  const res = await app.request(`http://localhost${path}`, { headers });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

describeEachDatabase('the render cache', (db) => {
  let ctx: WiredContext;
  let app: App;
  beforeAll(async () => {
    // The hit-or-miss header is off on a public server (it tells of writes); tests read it.
    ({ ctx, app } = await demoApp(db(), undefined, undefined, {
      renderCache: { stateHeader: true },
    }));
  }, 120_000);
  afterAll(() => ctx?.close());

  it('answers the second anonymous request for a page from memory with the same bytes', async () => {
    const first = await get(app, FLOOD);
    expect(first.res.status).toBe(200);
    expect(first.res.headers.get('x-render-cache')).toBe('miss');
    const second = await get(app, FLOOD);
    expect(second.res.headers.get('x-render-cache')).toBe('hit');
    expect(second.body.equals(first.body)).toBe(true);
    expect(second.res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(second.res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(second.res.headers.get('vary')).toBe('Accept-Encoding');
  });

  it('serves brotli and gzip copies by Accept-Encoding, each decoding to the page', async () => {
    const plain = await get(app, DIALOGUE);
    // Compression runs in zlib's thread pool; until it is done, identity bytes are sent.
    let br = await get(app, DIALOGUE, { 'Accept-Encoding': 'gzip, deflate, br' });
    for (let i = 0; i < 100 && !br.res.headers.get('content-encoding'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      br = await get(app, DIALOGUE, { 'Accept-Encoding': 'gzip, deflate, br' });
    }
    expect(br.res.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(br.body.byteLength).toBeLessThan(plain.body.byteLength / 3);
    const gz = await get(app, DIALOGUE, { 'Accept-Encoding': 'gzip, br;q=0' });
    expect(gz.res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    const ids = new Set([plain, br, gz].map((r) => r.res.headers.get('etag')));
    expect(ids.size).toBe(3);
  });

  it('answers 304 to a matching If-None-Match, and HEAD without a body', async () => {
    const page = await get(app, FLOOD);
    const etag = page.res.headers.get('etag')!;
    const again = await get(app, FLOOD, { 'If-None-Match': etag });
    expect(again.res.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
    const head = await app.request(`http://localhost${FLOOD}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(page.body.byteLength));
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('never answers a signed-in reader, a search or an unknown query string from the cache', async () => {
    await get(app, '/');
    const signedIn = await get(app, '/', { Cookie: 'dossier_session=abc' });
    expect(signedIn.res.headers.get('x-render-cache')).toBeNull();
    await get(app, '/search?q=camp');
    expect((await get(app, '/search?q=camp')).res.headers.get('x-render-cache')).toBeNull();
    await get(app, '/reports/?utm_source=x');
    const tracked = await get(app, '/reports/?utm_source=x');
    expect(tracked.res.headers.get('x-render-cache')).toBeNull();
    await get(app, '/reports/?page=1');
    expect((await get(app, '/reports/?page=1')).res.headers.get('x-render-cache')).toBe('hit');
  });

  it('drops exactly the pages an edit shows: the piece and the listings, not other pieces', async () => {
    for (const path of [FLOOD, DIALOGUE, '/', '/reports/', '/feed.xml']) await get(app, path);
    await editPublicationAt(ctx, FLOOD, {
      title: 'Flooding at Kyo-hwa-so No. 12, revised',
    });
    const page = await get(app, FLOOD);
    expect(page.res.headers.get('x-render-cache')).toBe('miss');
    expect(page.body.toString()).toContain('Flooding at Kyo-hwa-so No. 12, revised');
    for (const listing of ['/', '/reports/', '/feed.xml']) {
      const res = await get(app, listing);
      expect(res.res.headers.get('x-render-cache'), listing).toBe('miss');
      expect(res.body.toString(), listing).toContain('Flooding at Kyo-hwa-so No. 12, revised');
    }
    expect((await get(app, DIALOGUE)).res.headers.get('x-render-cache')).toBe('hit');
  });

  it('keeps the listings an edit does not reach, and drops those the piece is in', async () => {
    const reached = ['/reports/', '/people/greg-scarlatoiu/', '/places/hamgyong-bukto/'];
    const untouched = ['/articles/', '/people/roberta-cohen/', '/years/2014/', DIALOGUE];
    for (const path of [...reached, '/years/2016/', '/', ...untouched]) await get(app, path);
    await editPublicationAt(ctx, FLOOD, { title: 'Flooding at Kyo-hwa-so No. 12, a second look' });
    // A province's page lists the work at every place inside it, down to the camp.
    for (const path of [...reached, '/years/2016/', '/', '/ko/places/hamgyong-bukto/']) {
      const { res, body } = await get(app, path);
      expect(res.headers.get('x-render-cache'), path).toBe('miss');
      expect(body.toString(), path).toContain('a second look');
    }
    for (const path of untouched) {
      expect((await get(app, path)).res.headers.get('x-render-cache'), path).toBe('hit');
    }
  });

  it('drops the listings a piece leaves: its old section, year and people', async () => {
    const left = ['/reports/', '/years/2016/', '/people/greg-scarlatoiu/'];
    for (const path of [...left, '/articles/']) await get(app, path);
    const before = await publicationAt(ctx, FLOOD);
    const greg = (await ctx.repos.people.findBySlug('greg-scarlatoiu'))!;
    const articles = (await ctx.repos.sections.findBySlug('articles'))!;
    const moved = await updatePublication(
      ctx,
      before.id,
      before.version,
      {
        ...before,
        title: 'Flooding at Kyo-hwa-so No. 12, moved',
        sectionId: articles.id,
        publishedAt: '2015-09-16T00:00:00.000Z',
        contributions: before.contributions.filter((c) => c.personId !== greg.id),
      },
      SYSTEM_ACTOR,
    );
    try {
      for (const path of left) {
        const { res, body } = await get(app, path);
        expect(res.headers.get('x-render-cache'), path).not.toBe('hit');
        expect(body.toString(), path).not.toContain('Kyo-hwa-so No. 12, moved');
      }
      expect((await get(app, '/articles/')).body.toString()).toContain('Kyo-hwa-so No. 12, moved');
    } finally {
      await updatePublication(ctx, before.id, moved.version, before, SYSTEM_ACTOR);
    }
  });

  it("shows a person's new name at once on the pages of their work", async () => {
    await get(app, DIALOGUE);
    await get(app, FLOOD);
    await renamePerson(ctx, 'roberta-cohen', 'Roberta A. Cohen');
    const page = await get(app, DIALOGUE);
    expect(page.body.toString()).toContain('Roberta A. Cohen');
    expect((await get(app, FLOOD)).res.headers.get('x-render-cache')).toBe('hit');
  });

  it('changes every page when the site settings change', async () => {
    await get(app, FLOOD);
    await get(app, '/');
    await saveSiteSettings(ctx, { name: 'The Renamed Archive', navigation: null }, SYSTEM_ACTOR);
    for (const path of [FLOOD, '/']) {
      expect((await get(app, path)).body.toString(), path).toContain('The Renamed Archive');
    }
  });

  it('answers 410 at once after a withdrawal, never the cached page', async () => {
    await get(app, DIALOGUE);
    const dialogue = await editPublicationAt(ctx, DIALOGUE, {
      status: 'withdrawn',
      withdrawnReason: 'Superseded',
    });
    expect((await get(app, DIALOGUE)).res.status).toBe(410);
    expect((await get(app, '/articles/')).body.toString()).not.toContain(dialogue.title);
  });

  it('serves assets with a year of immutable caching', async () => {
    const home = (await get(app, '/')).body.toString();
    const css = /href="(\/assets\/site\.[0-9a-f]+\.css)"/.exec(home)![1]!;
    const res = await app.request(`http://localhost${css}`);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});

describeEachDatabase('the render cache and time', (db) => {
  const clock = fixedClock('2026-06-01T12:00:00.000Z');
  let ctx: WiredContext;
  let app: App;
  beforeAll(async () => {
    // The hit-or-miss header is off on a public server (it tells of writes); tests read it.
    ({ ctx, app } = await demoApp(db(), clock, undefined, { renderCache: { stateHeader: true } }));
  }, 120_000);
  afterAll(() => ctx?.close());

  it('shows a scheduled piece on the cached listing once the scheduler publishes it', async () => {
    await editPublicationAt(ctx, FLOOD, {
      status: 'draft',
      title: 'Scheduled flood report',
    });
    const draft = await publicationAt(ctx, FLOOD);
    await changeStatus(
      ctx,
      {
        id: draft.id,
        version: draft.version,
        to: 'scheduled',
        scheduledAt: '2026-06-01T12:05:00.000Z',
      },
      SYSTEM_ACTOR,
    );
    await get(app, '/reports/');
    expect((await get(app, '/reports/')).body.toString()).not.toContain('Scheduled flood report');
    clock.set('2026-06-01T12:06:00.000Z');
    // What the publication.publish-scheduled job runs when its moment comes.
    expect(await publishIfDue(ctx, draft.id, '2026-06-01T12:05:00.000Z')).toBe('published');
    const listing = await get(app, '/reports/');
    expect(listing.body.toString()).toContain('Scheduled flood report');
    expect((await get(app, FLOOD)).res.status).toBe(200);
  });

  it('shows an embargoed piece once its embargo passes, with no write at all', async () => {
    const until = new Date(clock.now().getTime() + 1_500).toISOString();
    await editPublicationAt(ctx, DIALOGUE, {
      title: 'Embargoed dialogue',
      embargoUntil: until,
    });
    await get(app, '/articles/');
    const before = await get(app, '/articles/');
    expect(before.res.headers.get('x-render-cache')).toBe('hit');
    expect(before.body.toString()).not.toContain('Embargoed dialogue');
    // The cache's timer is due in 1.5 s of the context's clock; move that clock past it too.
    clock.set(new Date(Date.parse(until) + 1_000).toISOString());
    let after = before;
    const deadline = Date.now() + 10_000;
    while (!after.body.toString().includes('Embargoed dialogue') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      after = await get(app, '/articles/');
    }
    expect(after.body.toString()).toContain('Embargoed dialogue');
  }, 30_000);
});

describe('the render cache store', () => {
  const body = (n: number, fill = 'a') => Buffer.from(fill.repeat(n));

  it('keeps within its byte budget by dropping the least recently used pages', () => {
    const cache = new RenderCache({ maxBytes: 10_000 });
    cache.put('/a/', body(3000), [], ['list'], cache.epoch);
    cache.put('/b/', body(3000), [], ['list'], cache.epoch);
    cache.get('/a/');
    cache.put('/c/', body(3000), [], ['list'], cache.epoch);
    cache.put('/d/', body(3000), [], ['list'], cache.epoch);
    expect(cache.get('/b/')).toBeUndefined();
    expect(cache.get('/a/')).toBeDefined();
    expect(cache.stats().bytes).toBeLessThanOrEqual(10_000);
  });

  it('drops pages in the order a plain least-recently-used list would, whatever the reads and writes', () => {
    const step = fc.oneof(
      fc.record({ op: fc.constant('put' as const), key: fc.constantFrom('a', 'b', 'c', 'd', 'e') }),
      fc.record({ op: fc.constant('get' as const), key: fc.constantFrom('a', 'b', 'c', 'd', 'e') }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        // Room for three pages of 3,000 bytes: the fourth pushes the least recently used out.
        const cache = new RenderCache({ maxBytes: 10_000 });
        let model: string[] = [];
        for (const { op, key } of steps) {
          if (op === 'put') {
            cache.put(`/${key}/`, body(3000), [], ['list'], cache.epoch);
            model = [...model.filter((k) => k !== key), key].slice(-3);
          } else {
            const hit = cache.get(`/${key}/`) !== undefined;
            expect(hit).toBe(model.includes(key));
            if (hit) model = [...model.filter((k) => k !== key), key];
          }
        }
      }),
    );
  });

  it('does not keep a page whose render began before an invalidation', () => {
    const cache = new RenderCache();
    const started = cache.epoch;
    cache.invalidate(['pub:1']);
    expect(cache.put('/x/', body(10), [], ['pub:1'], started)).toBeUndefined();
    expect(cache.get('/x/')).toBeUndefined();
  });

  it('drops only the pages recorded under a key, and everything for all', () => {
    const cache = new RenderCache();
    cache.put('/p1/', body(10), [], ['pub:1'], cache.epoch);
    cache.put('/p2/', body(10), [], ['pub:2'], cache.epoch);
    cache.put('/', body(10), [], ['list'], cache.epoch);
    cache.invalidate(['pub:1']);
    expect(cache.get('/p1/')).toBeUndefined();
    expect(cache.get('/p2/')).toBeDefined();
    expect(cache.get('/')).toBeDefined();
    cache.invalidate([ALL]);
    expect(cache.stats().entries).toBe(0);
  });
});
