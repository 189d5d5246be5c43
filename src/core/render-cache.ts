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

export interface RenderCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  invalidations: number;
}

/**
 * The render cache for anonymous public pages, as the context carries it: rendered responses
 * kept under dependency keys, dropped when something they show changes.
 */
export interface RenderCache {
  /** The most bytes (all encodings together) kept in memory. */
  readonly maxBytes: number;
  /** Bodies larger than this are not kept. */
  readonly maxEntryBytes: number;
  /** Whether responses say `X-Render-Cache: hit|miss`. */
  readonly stateHeader: boolean;
  /**
   * Grows with every invalidation. A render that began before one must not be stored: it may
   * have read the data the invalidation was about.
   */
  readonly epoch: number;
  get(key: string): CachedEntry | undefined;
  /** Keeps a rendered body, unless an invalidation happened since `startEpoch`. */
  put(
    key: string,
    body: Buffer,
    headers: Array<[string, string]>,
    deps: readonly string[],
    startEpoch: number,
    etag?: string,
  ): CachedEntry | undefined;
  /** An entry for one answer only, never kept: a render that an invalidation overtook. */
  transient(
    key: string,
    body: Buffer,
    headers: Array<[string, string]>,
    etag?: string,
  ): CachedEntry;
  /** Drops every entry recorded under any of these keys ('all' empties the cache). */
  invalidate(keys: Iterable<string>): number;
  /**
   * Hears every invalidation, from this process or another, after the entries are dropped:
   * what else a server keeps about public data (the scene tile gate) drops with them.
   */
  onInvalidate(listener: (keys: readonly string[]) => void): void;
  stats(): RenderCacheStats;
}

/** What serving a scene's tile needs once the scene is known to be public. */
export interface PublicTileFacts {
  /** The scene's original, whose hash names its tiles. */
  sha256: string;
  publicationId: number;
}

/**
 * What a server remembers about public scenes so that a tile costs no query: a scene found public
 * is known until an invalidation names its publication (or everything), as a cached page of that
 * publication would be dropped. Only positive answers are kept: a scene becomes public with time,
 * but stops being public only through a write, which invalidates. Tile bytes are kept by hash,
 * so they are never stale; whether they may be served is the memo's to say.
 */
export interface SceneTileGate {
  /** The facts of a scene found public, unless anything it depends on changed since. */
  known(imageId: number): PublicTileFacts | undefined;
  /** The moment to hand back to `remember`, read before the check that found the scene public. */
  readonly epoch: number;
  /** Keeps a positive answer, unless an invalidation came after `startEpoch`. */
  remember(imageId: number, facts: PublicTileFacts, startEpoch: number): void;
  bytes(sha256: string, tilePath: string): Uint8Array | undefined;
  keepBytes(sha256: string, tilePath: string, bytes: Uint8Array): void;
}
