import type { CdnPurger } from '../../core/cdn.ts';

const TIMEOUT_MS = 10_000;

/**
 * Sends purges to the operator's purge endpoint: a POST naming the keys both ways CDNs read
 * them (a `Surrogate-Key` header, space-separated, and a JSON body), so a small adapter (or the
 * CDN's own API behind a proxy) can take it. Anything but a 2xx answer is a failure to retry.
 */
export function httpPurger(url: string): CdnPurger {
  return {
    async purge(keys, signal) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Surrogate-Key': keys.join(' '),
          'User-Agent': 'Dossier CDN purge',
        },
        body: JSON.stringify({ surrogate_keys: keys }),
        signal: AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`The CDN answered the purge with ${response.status}`);
    },
  };
}
