import type { CachedEntry } from '../../core/render-cache.ts';

/**
 * The answer to a request from a cached entry, as the node listener and the middleware both give
 * it: the encoding the client takes, the entry's own ETag for those bytes, and a 304 when the
 * client already holds any of them.
 */

export type Encoding = 'br' | 'gzip' | 'identity';

/** Whether the client takes brotli or gzip, so that an entry's copies are worth waiting for. */
export function acceptsCompression(acceptEncoding: string | undefined | null): boolean {
  if (!acceptEncoding) return false;
  const accepted = compressionAccepted(acceptEncoding);
  return accepted.br || accepted.gzip;
}

/** The best encoding the client accepts among those the entry has. */
export function chooseEncoding(
  acceptEncoding: string | undefined | null,
  entry: Pick<CachedEntry, 'br' | 'gzip'>,
): Encoding {
  if (!acceptEncoding) return 'identity';
  const accepted = compressionAccepted(acceptEncoding);
  if (entry.br && accepted.br) return 'br';
  if (entry.gzip && accepted.gzip) return 'gzip';
  return 'identity';
}

interface Accepted {
  br: boolean;
  gzip: boolean;
}
/**
 * Accept-Encoding values seen, read once each: browsers send a handful of spellings, so a hit
 * from the cache need not split and parse the same header again. Bounded, since the header is
 * the client's to write.
 */
const acceptedBySpelling = new Map<string, Accepted>();
const SPELLINGS_KEPT = 64;

function compressionAccepted(acceptEncoding: string): Accepted {
  let accepted = acceptedBySpelling.get(acceptEncoding);
  if (accepted) return accepted;
  const codings = parseAcceptEncoding(acceptEncoding);
  accepted = { br: codings.has('br'), gzip: codings.has('gzip') };
  if (acceptedBySpelling.size >= SPELLINGS_KEPT) acceptedBySpelling.clear();
  acceptedBySpelling.set(acceptEncoding, accepted);
  return accepted;
}

/** Codings with a non-zero quality ("br;q=0" refuses brotli). */
export function parseAcceptEncoding(header: string): Set<string> {
  const out = new Set<string>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) continue;
    out.add(name);
  }
  if (out.has('*')) {
    out.add('br');
    out.add('gzip');
  }
  return out;
}

/** The ETag of one encoding of an entry: each byte sequence has its own strong validator. */
export function etagFor(entry: Pick<CachedEntry, 'etag'>, encoding: Encoding): string {
  return encoding === 'identity' ? `"${entry.etag}"` : `"${entry.etag}-${encoding}"`;
}

/** Whether If-None-Match names any encoding of this entry (or is '*'). */
export function notModified(ifNoneMatch: string | undefined | null, entry: CachedEntry): boolean {
  if (!ifNoneMatch) return false;
  for (const raw of ifNoneMatch.split(',')) {
    const tag = raw.trim().replace(/^W\//, '');
    if (tag === '*') return true;
    const bare = tag.replace(/^"|"$/g, '').replace(/-(br|gzip)$/, '');
    if (bare === entry.etag) return true;
  }
  return false;
}

export interface CachedReply {
  status: 200 | 304;
  headers: Array<[string, string]>;
  body: Buffer | null;
}

/** The answer to a request from a cached entry: headers, status and bytes. */
export function replyFrom(
  entry: CachedEntry,
  request: { method: string; acceptEncoding?: string | null; ifNoneMatch?: string | null },
): CachedReply {
  const encoding = chooseEncoding(request.acceptEncoding, entry);
  const headers: Array<[string, string]> = [
    ...entry.headers,
    ['etag', etagFor(entry, encoding)],
    ['vary', 'Accept-Encoding'],
  ];
  if (notModified(request.ifNoneMatch, entry)) return { status: 304, headers, body: null };
  const body = encoding === 'br' ? entry.br! : encoding === 'gzip' ? entry.gzip! : entry.identity;
  if (encoding !== 'identity') headers.push(['content-encoding', encoding]);
  headers.push(['content-length', String(body.byteLength)]);
  return { status: 200, headers, body: request.method === 'HEAD' ? null : body };
}
