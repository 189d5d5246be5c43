/**
 * A CDN in front of the archive. With `DOSSIER_CDN_PURGE_URL` set, the pages the render cache
 * keeps tell the CDN it may keep them too, named by their dependency keys (which name only what
 * the public page shows), and every change that drops a page here asks the CDN to drop it there:
 * a durable job, queued in the writing transaction, so a crash cannot lose a purge.
 */
export const CDN_PURGE_JOB = 'cdn.purge';

export interface CdnPurgePayload {
  keys: string[];
}

/** Sends one purge; throws when the CDN did not take it, so that the job tries again. */
export interface CdnPurger {
  purge(keys: readonly string[], signal: AbortSignal): Promise<void>;
}

/** How long a CDN may keep a page between purges; browsers still revalidate every time. */
export const CDN_MAX_AGE_SECONDS = 86_400;

/**
 * The headers that let a CDN keep a page and purge it by key: Fastly and Varnish read
 * `Surrogate-Key` (space-separated) and `Surrogate-Control`; Cloudflare `Cache-Tag`
 * (comma-separated) and `CDN-Cache-Control`. Browsers see `Cache-Control` alone.
 */
export function cdnHeaders(keys: readonly string[]): Array<[string, string]> {
  const control = `max-age=${CDN_MAX_AGE_SECONDS}`;
  return [
    ['surrogate-key', keys.join(' ')],
    ['cache-tag', keys.join(',')],
    ['surrogate-control', control],
    ['cdn-cache-control', control],
  ];
}
