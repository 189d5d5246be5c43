/**
 * Which requests the render cache may answer, decided from the request line and two headers
 * only, so the node listener can decide before any framework code runs.
 *
 * Only anonymous reads of the public site: GET or HEAD, no session cookie, no Authorization,
 * not the back office, the API, signed previews, search (unbounded keys), OAI-PMH, health or
 * assets (already served with a year's `immutable`). The query string may only be `?page=N`.
 */
const EXCLUDED = /^\/(?:ko\/)?(?:admin|api|preview|search|oai|healthz|assets)(?:\/|$)/;
const PAGE_QUERY = /^\?page=[1-9][0-9]{0,5}$/;

export interface RequestFacts {
  method: string;
  /** Path and query exactly as requested ('/reports/?page=2'). */
  url: string;
  cookie?: string | null;
  authorization?: string | null;
}

/** The cache key (the URL; the language is its /ko prefix), or null when not cacheable. */
export function cacheKeyOf(request: RequestFacts): string | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  if (request.authorization) return null;
  if (request.cookie && /(?:^|[;\s])(?:__Host-)?dossier_session=/.test(request.cookie)) return null;
  const url = request.url;
  if (!url.startsWith('/') || url.startsWith('//')) return null;
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? '' : url.slice(q);
  if (query !== '' && !PAGE_QUERY.test(query)) return null;
  if (path.length > 512 || path.includes('%') || path.includes('..')) return null;
  if (EXCLUDED.test(path)) return null;
  return url;
}

/** Response types worth keeping: pages and feeds, never files. */
export function isCacheableType(contentType: string | null): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return (
    type === 'text/html' ||
    type === 'application/xml' ||
    type === 'text/xml' ||
    type === 'application/rss+xml' ||
    type === 'application/atom+xml' ||
    type === 'application/feed+json'
  );
}

/** Types worth compressing when they are not cached (search results, error pages). */
export function isCompressibleType(contentType: string | null): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return isCacheableType(type) || type === 'application/json' || type === 'text/plain';
}
