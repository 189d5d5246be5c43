import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { RenderCache, SceneTileGate } from '../../core/render-cache.ts';
import { nextRequestId } from '../middleware/request-id.ts';
import { cacheKeyOf } from './cacheable.ts';
import { acceptsCompression, replyFrom } from './cached-reply.ts';
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
  const key = cacheKeyOf({
    method: req.method ?? 'GET',
    url: req.url ?? '',
    cookie: req.headers.cookie,
    authorization: req.headers.authorization,
  });
  if (key === null) return false;
  const entry = cache.get(key);
  if (!entry) return false;
  // Its compressed copies are still being made: the application's middleware waits for them, so
  // that this reader gets the encoding every other reader of the page gets.
  if (entry.pending && acceptsCompression(req.headers['accept-encoding'])) return false;
  const reply = replyFrom(entry, {
    method: req.method ?? 'GET',
    acceptEncoding: req.headers['accept-encoding'],
    ifNoneMatch: req.headers['if-none-match'],
  });
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of reply.headers) {
    if (reply.status === 304 && name === 'content-length') continue;
    const existing = headers[name];
    headers[name] = existing === undefined ? value : [existing, value].flat();
  }
  headers['x-request-id'] = nextRequestId();
  if (cache.stateHeader) headers['x-render-cache'] = 'hit';
  res.writeHead(reply.status, headers);
  res.end(reply.body ?? undefined);
  return true;
}
