import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlib } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Invalidating this key empties the whole cache (settings, sections, navigation). */
export const ALL = 'all';
/** Every listing-like page: home, sections, people, topics, places, years, feeds, sitemaps. */
export const LISTINGS = 'list';
/**
 * The listing-like pages that are not one collection's listing (home, indexes, feeds,
 * sitemaps): any publication's change can alter them.
 */
export const ANY_PUBLICATION = 'any-pub';

export type Encoding = 'br' | 'gzip' | 'identity';

/** One rendered response, kept as identity bytes and (once compressed) brotli and gzip. */
export interface CachedEntry {
  key: string;
  /** Response headers to replay (security headers, type, caching), lower-case names. */
  headers: Array<[string, string]>;
  identity: Buffer;
  br: Buffer | null;
  gzip: Buffer | null;
  /**
   * The strong validator of the identity bytes, without quotes: the one the page was rendered
   * with, so that a page has the same ETag whether the cache answered it or not.
   */
  etag: string;
  deps: readonly string[];
  bytes: number;
  /**
   * The brotli and gzip copies still being made; null once they are (or when there are none to
   * make). A reader who accepts them waits: a page rendered again must not be told apart from
   * one long kept by arriving uncompressed.
   */
  pending: Promise<void> | null;
}

export interface RenderCacheOptions {
  /** The most bytes (all encodings together) kept in memory; least recently used go first. */
  maxBytes?: number;
  /** Bodies larger than this are not kept. */
  maxEntryBytes?: number;
  /**
   * Sends `X-Render-Cache: hit|miss`, for measuring. Off by default: a miss tells anyone that
   * something the page depends on was written, even a draft no reader may see.
   */
  stateHeader?: boolean;
}

export interface RenderCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  invalidations: number;
}

/**
 * The render cache for anonymous public pages: a byte-bounded LRU keyed by URL (the language is
 * part of the path: /ko/…), each entry indexed under the dependency keys it was rendered from so
 * a change drops exactly the pages that showed it. There is no time-to-live: entries leave when
 * something they show changes, or when memory is needed.
 */
export class RenderCache {
  readonly maxBytes: number;
  readonly maxEntryBytes: number;
  readonly stateHeader: boolean;
  /** Map order is recency: a hit moves its entry to the end, eviction takes from the front. */
  private readonly entries = new Map<string, CachedEntry>();
  private readonly byDep = new Map<string, Set<string>>();
  private totalBytes = 0;
  private counters = { hits: 0, misses: 0, invalidations: 0 };
  /**
   * Grows with every invalidation. A render that began before one must not be stored: it may
   * have read the data the invalidation was about.
   */
  epoch = 0;

  constructor(options: RenderCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.maxEntryBytes = options.maxEntryBytes ?? 1024 * 1024;
    this.stateHeader = options.stateHeader ?? false;
  }

  get(key: string): CachedEntry | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      this.counters.misses++;
      return undefined;
    }
    this.counters.hits++;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /**
   * Keeps a rendered body, unless an invalidation happened since `startEpoch`. The compressed
   * copies are made off the main thread (zlib's pool) and attached when ready (`pending`).
   * `etag` is the page's own validator (unquoted); without one, the bytes are hashed as
   * `sendPage` hashes them.
   */
  put(
    key: string,
    body: Buffer,
    headers: Array<[string, string]>,
    deps: readonly string[],
    startEpoch: number,
    etag?: string,
  ): CachedEntry | undefined {
    if (startEpoch !== this.epoch || !this.fits(body)) return undefined;
    this.remove(key);
    const entry = this.entryFor(key, body, headers, deps, etag);
    this.insert(entry);
    return entry;
  }

  /**
   * An entry for one answer only, never kept: a render that an invalidation overtook. It is
   * compressed like a kept one, so its reader gets the same headers as the readers before it.
   */
  transient(
    key: string,
    body: Buffer,
    headers: Array<[string, string]>,
    etag?: string,
  ): CachedEntry {
    return this.entryFor(key, body, headers, [], etag);
  }

  /** Whether a body of this size is kept, and so also served compressed. */
  private fits(body: Buffer): boolean {
    return body.byteLength <= this.maxEntryBytes && body.byteLength * 2 <= this.maxBytes;
  }

  private entryFor(
    key: string,
    body: Buffer,
    headers: Array<[string, string]>,
    deps: readonly string[],
    etag: string | undefined,
  ): CachedEntry {
    const entry: CachedEntry = {
      key,
      headers,
      identity: body,
      br: null,
      gzip: null,
      etag: etag ?? createHash('sha1').update(body).digest('hex'),
      deps,
      bytes: body.byteLength + key.length,
      pending: null,
    };
    if (body.byteLength >= 256 && this.fits(body)) {
      entry.pending = this.compress(entry).finally(() => {
        entry.pending = null;
      });
    }
    return entry;
  }

  /** Drops every entry recorded under any of these keys ('all' empties the cache). */
  invalidate(keys: Iterable<string>): number {
    this.epoch++;
    this.counters.invalidations++;
    let dropped = 0;
    for (const dep of keys) {
      if (dep === ALL) {
        dropped += this.entries.size;
        this.entries.clear();
        this.byDep.clear();
        this.totalBytes = 0;
        continue;
      }
      const keysOfDep = this.byDep.get(dep);
      if (!keysOfDep) continue;
      for (const key of [...keysOfDep]) if (this.remove(key)) dropped++;
    }
    return dropped;
  }

  stats(): RenderCacheStats {
    return { entries: this.entries.size, bytes: this.totalBytes, ...this.counters };
  }

  private insert(entry: CachedEntry): void {
    this.entries.set(entry.key, entry);
    this.totalBytes += entry.bytes;
    for (const dep of entry.deps) {
      const set = this.byDep.get(dep) ?? new Set<string>();
      if (set.size === 0) this.byDep.set(dep, set);
      set.add(entry.key);
    }
    this.evict();
  }

  private remove(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
    for (const dep of entry.deps) {
      const set = this.byDep.get(dep);
      set?.delete(key);
      if (set?.size === 0) this.byDep.delete(dep);
    }
    return true;
  }

  private evict(): void {
    while (this.totalBytes > this.maxBytes) {
      const oldest = this.entries.keys().next();
      if (oldest.done) return;
      this.remove(oldest.value);
    }
  }

  private async compress(entry: CachedEntry): Promise<void> {
    const size = entry.identity.byteLength;
    const [br, gz] = await Promise.all([
      brotli(entry.identity, {
        params: {
          [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
          // Quality 9 is within a few per cent of 11 on HTML at a fraction of the time; the
          // work happens once per entry, but a cold cache under a spike fills many at once.
          [zlib.BROTLI_PARAM_QUALITY]: 9,
          [zlib.BROTLI_PARAM_SIZE_HINT]: size,
        },
      }),
      gzipAsync(entry.identity, { level: 9 }),
    ]).catch(() => [null, null] as const);
    // Attached even to an entry no longer kept: readers waiting on it still get them.
    if (br && br.byteLength < size) entry.br = br;
    if (gz && gz.byteLength < size) entry.gzip = gz;
    // Counted only for the entry still cached under this key (it may have been invalidated).
    if (this.entries.get(entry.key) !== entry) return;
    const extra = (entry.br?.byteLength ?? 0) + (entry.gzip?.byteLength ?? 0);
    entry.bytes += extra;
    this.totalBytes += extra;
    this.evict();
  }
}

/** Whether the client takes brotli or gzip, so that an entry's copies are worth waiting for. */
export function acceptsCompression(acceptEncoding: string | undefined | null): boolean {
  if (!acceptEncoding) return false;
  const accepted = parseAcceptEncoding(acceptEncoding);
  return accepted.has('br') || accepted.has('gzip');
}

/** The best encoding the client accepts among those the entry has. */
export function chooseEncoding(
  acceptEncoding: string | undefined | null,
  entry: Pick<CachedEntry, 'br' | 'gzip'>,
): Encoding {
  if (!acceptEncoding) return 'identity';
  const accepted = parseAcceptEncoding(acceptEncoding);
  if (entry.br && accepted.has('br')) return 'br';
  if (entry.gzip && accepted.has('gzip')) return 'gzip';
  return 'identity';
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
