import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { RenderCache, SceneTileGate } from '../../core/render-cache.ts';
import { nextRequestId } from '../middleware/request-id.ts';
import { cacheKeyOf } from './cacheable.ts';
import { acceptsCompression, chooseEncoding, notModified } from './cached-reply.ts';
import { preparedAnswer } from './prepared-answers.ts';
import { tileFastPath } from './tile-fast-path.ts';

/**
 * The node request listener for `dossier serve`: a cached page is written straight from the
 * node request, before Hono builds a Request, routes, or runs any middleware; everything else
 * (misses included) goes to the application's listener.
 */
export function withRenderCache(
  cache: RenderCache | null,
  application: RequestListener,
  tileGate: SceneTileGate | null = null,
): RequestListener {
  if (!cache) return application;
  const serveTile = tileGate ? tileFastPath(tileGate) : null;
  return (req: IncomingMessage, res: ServerResponse) => {
    if (serveTile?.(req, res)) return;
    if (!serveFromCache(cache, req, res)) application(req, res);
  };
}

export function serveFromCache(
  cache: RenderCache,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  const method = req.method ?? 'GET';
  const headers = req.headers;
  const key = cacheKeyOf({
    method,
    url: req.url ?? '',
    cookie: headers.cookie,
    authorization: headers.authorization,
  });
  if (key === null) return false;
  // Asked on every request: an invalidated entry is gone from the cache, and with it its answers.
  const entry = cache.get(key);
  if (!entry) return false;
  const acceptEncoding = headers['accept-encoding'];
  // Its compressed copies are still being made: the application's middleware waits for them, so
  // that this reader gets the encoding every other reader of the page gets.
  if (entry.pending && acceptsCompression(acceptEncoding)) return false;
  const answer = preparedAnswer(entry, chooseEncoding(acceptEncoding, entry), cache.stateHeader);
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch && notModified(ifNoneMatch, entry)) {
    res.writeHead(304, withRequestId(answer.notModified));
    res.end();
    return true;
  }
  res.writeHead(200, withRequestId(answer.ok));
  res.end(method === 'HEAD' ? undefined : answer.body);
  return true;
}

/** The prepared headers and this request's id, as a new list: the prepared one is shared. */
function withRequestId(prepared: readonly string[]): string[] {
  const headers = prepared.slice();
  headers.push('x-request-id', nextRequestId());
  return headers;
}
