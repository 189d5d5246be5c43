import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlib } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppContext } from '../../core/app-context.ts';
import { cdnHeaders } from '../../core/cdn.ts';
import type { CachedEntry, RenderCache } from '../../core/render-cache.ts';
import { pageDependencies } from '../../features/reading/index.ts';
import { cacheKeyOf, isCacheableType, isCompressibleType } from './cacheable.ts';
import {
  acceptsCompression,
  type CachedReply,
  parseAcceptEncoding,
  replyFrom,
} from './cached-reply.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Headers that belong to one response, never replayed from the cache. */
const PER_RESPONSE = new Set([
  'date',
  'etag',
  'vary',
  'content-length',
  'content-encoding',
  'x-request-id',
  'set-cookie',
  'connection',
  'keep-alive',
  'transfer-encoding',
]);

/** The addresses of pages (folders), feeds and sitemaps: what the cache keeps when it is a 200. */
const PAGE_OR_FEED = /(?:\/|\/feed\.(?:xml|atom|json)|\/sitemap(?:-[1-9][0-9]*)?\.xml)$/;

/** Bodies below this are not worth a compression header and a CPU trip. */
const COMPRESS_MIN_BYTES = 1024;
/** Never compressed on the fly: the back office (streamed exports) and the API (its own rules). */
const NO_ON_THE_FLY = /^\/(?:ko\/)?(?:admin|api)(?:\/|$)/;

/**
 * The render cache in front of the public routes (see src/infra/render-cache/). A hit is answered here
 * (under `dossier serve` most hits never reach Hono: the node listener answers them first, see
 * node-fast-path.ts); a miss renders, and a 200 page or feed is kept with the
 * dependency keys of what it shows. Responses that are not kept (search, error pages) are
 * compressed here when the client accepts it and they are large enough to gain.
 *
 * A page answers with the same headers whether it was kept, rendered again or rendered while an
 * invalidation overtook it: the page's own ETag, the same encoding, and no word of which
 * happened (unless `stateHeader` asks for it). An editor saving a draft drops the pages of the
 * people it credits; a reader must not learn of the draft from those pages' answers.
 */
export function renderCache(app: AppContext): MiddlewareHandler {
  return async (c, next) => {
    const cache = app.renderCache;
    const acceptEncoding = c.req.header('accept-encoding');
    // Without a cache (`--no-cache`) nothing here needs the URL parsed.
    if (!cache) {
      await next();
      await compressOnTheFly(c, c.req.path, acceptEncoding);
      return;
    }
    const url = new URL(c.req.url);
    const key = cacheKeyOf({
      method: c.req.method,
      url: url.pathname + url.search,
      cookie: c.req.header('cookie'),
      authorization: c.req.header('authorization'),
    });
    if (key === null) {
      await next();
      await compressOnTheFly(c, url.pathname, acceptEncoding);
      return;
    }
    const hit = cache.get(key);
    const request = {
      method: c.req.method,
      acceptEncoding,
      ifNoneMatch: c.req.header('if-none-match'),
    };
    if (hit) {
      c.res = toResponse(cache, await replyWhenReady(hit, request), 'hit');
      return;
    }
    // A page or feed is rendered whole: whether it is unchanged for this reader is the cache's to
    // say, with the same headers whether the page was kept or rendered again. (The route's own
    // 304 carries fewer.) A file keeps its own 304: the cache never keeps files.
    if (request.ifNoneMatch !== undefined && PAGE_OR_FEED.test(url.pathname)) {
      c.req.raw.headers.delete('if-none-match');
    }
    const epoch = cache.epoch;
    await next();
    const res = c.res;
    if (
      c.req.method === 'GET' &&
      res.status === 200 &&
      isCacheableType(res.headers.get('content-type')) &&
      !res.headers.has('set-cookie') &&
      !res.headers.has('content-encoding') &&
      !/no-store|private/i.test(res.headers.get('cache-control') ?? '')
    ) {
      const body = Buffer.from(await res.arrayBuffer());
      const headers: Array<[string, string]> = [];
      res.headers.forEach((value, name) => {
        if (!PER_RESPONSE.has(name.toLowerCase())) headers.push([name.toLowerCase(), value]);
      });
      const deps = await pageDependencies(app.repos, key, app.clock.now());
      // A CDN may keep the page too, filed under the same keys its purges will name.
      if (app.config.cdnPurgeUrl) headers.push(...cdnHeaders(deps));
      const etag = strongTag(res.headers.get('etag'));
      const entry =
        cache.put(key, body, headers, deps, epoch, etag) ??
        cache.transient(key, body, headers, etag);
      const reply = toResponse(cache, await replyWhenReady(entry, request), 'miss');
      // Hono copies the headers of the response it holds onto the one assigned: the rendered
      // page's ETag would overwrite the encoding's ("…-br"), so the answer to the first reader
      // after a change would differ from the next one's. Let go of it first.
      c.res = undefined;
      c.res = reply;
      return;
    }
    await compressOnTheFly(c, url.pathname, acceptEncoding);
  };
}

/** A client that takes brotli or gzip waits for the entry's copies rather than go without. */
async function replyWhenReady(
  entry: CachedEntry,
  request: Parameters<typeof replyFrom>[1],
): Promise<CachedReply> {
  if (entry.pending && acceptsCompression(request.acceptEncoding)) await entry.pending;
  return replyFrom(entry, request);
}

/** The page's own strong ETag, unquoted; a weak one does not name the bytes. */
function strongTag(etag: string | null): string | undefined {
  const m = etag ? /^"([^"]+)"$/.exec(etag) : null;
  return m?.[1];
}

function toResponse(cache: RenderCache, reply: CachedReply, state: 'hit' | 'miss'): Response {
  const headers = new Headers();
  for (const [name, value] of reply.headers) headers.append(name, value);
  if (cache.stateHeader) headers.set('x-render-cache', state);
  // A 304 carries no body and no length of one.
  if (reply.status === 304) headers.delete('content-length');
  return new Response(reply.body as Uint8Array<ArrayBuffer> | null, {
    status: reply.status,
    headers,
  });
}

async function compressOnTheFly(
  c: Context,
  path: string,
  acceptEncoding: string | undefined,
): Promise<void> {
  const res = c.res;
  if (c.req.method !== 'GET' || !acceptEncoding || NO_ON_THE_FLY.test(path)) return;
  if (![200, 404, 410].includes(res.status) || res.headers.has('content-encoding')) return;
  if (!isCompressibleType(res.headers.get('content-type')) || !res.body) return;
  const accepted = parseAcceptEncoding(acceptEncoding);
  const encoding = accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : null;
  if (!encoding) return;
  const body = Buffer.from(await res.arrayBuffer());
  const headers = new Headers(res.headers);
  if (!/accept-encoding/i.test(headers.get('vary') ?? ''))
    headers.append('vary', 'Accept-Encoding');
  if (body.byteLength < COMPRESS_MIN_BYTES) {
    c.res = new Response(body, { status: res.status, headers });
    return;
  }
  const packed =
    encoding === 'br'
      ? await brotli(body, {
          params: {
            [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
            [zlib.BROTLI_PARAM_QUALITY]: 4,
            [zlib.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
          },
        })
      : await gzipAsync(body, { level: 6 });
  headers.set('content-encoding', encoding);
  headers.set('content-length', String(packed.byteLength));
  // The identity ETag must not name the compressed bytes.
  const etag = headers.get('etag');
  if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
  c.res = new Response(packed as Uint8Array<ArrayBuffer>, { status: res.status, headers });
}
