import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlib } from 'node:zlib';

import { ALL } from '../../core/cache-keys.ts';
import type {
  CachedEntry,
  RenderCache as RenderCachePort,
  RenderCacheStats,
} from '../../core/render-cache.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

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

/**
 * The render cache for anonymous public pages: a byte-bounded LRU keyed by URL (the language is
 * part of the path: /ko/…), each entry indexed under the dependency keys it was rendered from so
 * a change drops exactly the pages that showed it. There is no time-to-live: entries leave when
 * something they show changes, or when memory is needed.
 */
export class RenderCache implements RenderCachePort {
  readonly maxBytes: number;
  readonly maxEntryBytes: number;
  readonly stateHeader: boolean;
  /** Map order is recency: a hit moves its entry to the end, eviction takes from the front. */
  private readonly entries = new Map<string, CachedEntry>();
  private readonly byDep = new Map<string, Set<string>>();
  private totalBytes = 0;
  /** The key at the end of `entries` (the most recently used), or null when unknown. */
  private newest: string | null = null;
  private counters = { hits: 0, misses: 0, invalidations: 0 };
  /**
   * Grows with every invalidation. A render that began before one must not be stored: it may
   * have read the data the invalidation was about.
   */
  epoch = 0;
  private readonly invalidationListeners: Array<(keys: readonly string[]) => void> = [];

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
    // Under load one page is asked for over and over: moving the newest entry to the end again
    // (a delete and an insert in the map) would change nothing but cost every hit.
    if (this.newest !== key) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.newest = key;
    }
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
    const all = [...keys];
    for (const listener of this.invalidationListeners) listener(all);
    for (const dep of all) {
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

  onInvalidate(listener: (keys: readonly string[]) => void): void {
    this.invalidationListeners.push(listener);
  }

  stats(): RenderCacheStats {
    return { entries: this.entries.size, bytes: this.totalBytes, ...this.counters };
  }

  private insert(entry: CachedEntry): void {
    this.entries.set(entry.key, entry);
    this.newest = entry.key;
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
