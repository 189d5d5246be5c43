import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { RenderCache } from '../../src/infra/render-cache/lru-render-cache.ts';
import { createApp } from '../../src/web/app.tsx';
import { replyFrom } from '../../src/web/render-cache/cached-reply.ts';
import { withRenderCache } from '../../src/web/render-cache/node-fast-path.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildPerson,
  buildPublication,
  buildSection,
  fixedClock,
  testContext,
} from '../support/factories.ts';

/** Readers as browsers, crawlers and feed readers send them. */
const READERS: Array<Record<string, string>> = [
  { 'Accept-Encoding': 'gzip, deflate, br' },
  { 'Accept-Encoding': 'gzip' },
  { 'Accept-Encoding': 'identity' },
];

/**
 * An editor saving a draft that credits a public person drops that person's cached page, which
 * is rendered again for the next reader. Nothing a reader receives may tell the two apart: not a
 * hit-or-miss header, not a missing request id, not an uncompressed answer while the copies are
 * made, not a 304 with other headers, and not an ETag of another form or value. Served as
 * `dossier serve` serves: the node listener answers hits, the application the rest.
 */
describeEachDatabase('a draft leaves no trace on the public pages it drops', (db) => {
  let ctx: AppContext;
  let server: Server;
  let origin: string;
  let personId: number;
  let sectionId: number;
  let path: string;

  /** Status, every header by name (dates and request ids by their form) and the body. */
  const answer = async (headers: Record<string, string>) => {
    const res = await fetch(`${origin}${path}`, { headers });
    const body = await res.text();
    const shown = [...res.headers].map(([name, value]) => {
      if (name === 'date') return [name, 'a date'];
      if (name === 'x-request-id')
        return [name, /^[0-9a-f]{8}-[0-9a-z]+$/.test(value) ? 'id' : value];
      return [name, value];
    });
    return { status: res.status, headers: shown.sort(), body };
  };
  /** A revalidation first (the reader who comes back), then each kind of reader. */
  const answers = async (etag: string) => {
    const out = [await answer({ 'If-None-Match': etag })];
    for (const reader of READERS) out.push(await answer(reader));
    return out;
  };

  beforeAll(async () => {
    ctx = await testContext(db(), fixedClock(), undefined, { renderCache: {} });
    sectionId = (await buildSection(ctx)).id;
    const person = await buildPerson(ctx, 'Hwang Minseo');
    personId = person.id;
    path = `/people/${person.slug}/`;
    await buildPublication(ctx, {
      sectionId,
      title: 'Testimonies from the northern border',
      contributions: [{ personId, role: 'author', credit: 'primary' }],
    });
    const app = createApp(ctx);
    server = createServer(withRenderCache(ctx.renderCache, getRequestListener(app.fetch)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await ctx?.close();
  });

  it('answers with the same headers and bytes before and after a draft credits the person', async () => {
    const etag = (await fetch(`${origin}${path}`, { headers: READERS[2] })).headers.get('etag')!;
    await answers(etag);
    const before = await answers(etag);
    expect(before[0]!.status).toBe(304);
    expect(before[1]!.status).toBe(200);
    expect(ctx.renderCache!.get(path)).toBeDefined();

    await buildPublication(ctx, {
      sectionId,
      status: 'draft',
      publishedAt: null,
      title: 'An unpublished account',
      contributions: [{ personId, role: 'author', credit: 'primary' }],
    });
    // The page was dropped: the first reader after the save gets it rendered again.
    expect(ctx.renderCache!.get(path)).toBeUndefined();
    expect(await answers(etag)).toEqual(before);
    expect(await answers(etag)).toEqual(before);
  });

  it('gives a page the same ETag whether the cache answered it or not', async () => {
    const cached = await fetch(`${origin}${path}`, { headers: { 'Accept-Encoding': 'identity' } });
    await cached.arrayBuffer();
    const rendered = await createApp({ ...ctx, renderCache: null }).request(path);
    expect(rendered.status).toBe(200);
    expect(cached.headers.get('etag')).toBe(rendered.headers.get('etag'));
  });
});

describe('a render an invalidation overtook', () => {
  it('is answered in the same form as a kept page: its own ETag, compressed alike', async () => {
    const cache = new RenderCache();
    const page = Buffer.from('<!doctype html><p>A page long enough to compress.</p>'.repeat(20));
    const started = cache.epoch;
    cache.invalidate(['in:person:1']);
    expect(cache.put('/people/x/', page, [], ['in:person:1'], started, 'abc')).toBeUndefined();
    const once = cache.transient('/people/x/', page, [], 'abc');
    await once.pending;
    const reply = replyFrom(once, { method: 'GET', acceptEncoding: 'br' });
    expect(reply.headers).toContainEqual(['etag', '"abc-br"']);
    expect(reply.headers).toContainEqual(['content-encoding', 'br']);
    expect(cache.get('/people/x/')).toBeUndefined();
  });
});
