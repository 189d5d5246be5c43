/**
 * What services need from the outside world, stated narrowly so that services import no
 * database, HTTP or file-system library. The adapters live in `infra/`.
 */
declare const txBrand: unique symbol;

/** An open transaction. Opaque here: only the repositories know what is inside. */
export interface Tx {
  readonly [txBrand]: true;
}

export interface Transactor {
  /** Runs `fn` in one transaction: all of its writes land, or none do. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A stored file's identity: its content's SHA-256, so the same bytes are kept once. */
export interface StoredBlob {
  sha256: string;
  byteSize: number;
  mediaType: string;
}

export interface FileStore {
  /**
   * Streams bytes in, checking type and size as they arrive, and keeps them under their hash.
   * Throws a ValidationError (and keeps nothing) for a disallowed type or an oversized file.
   * Images lose their EXIF, XMP and IPTC metadata (GPS positions, camera serial numbers) before
   * they are kept, unless `stripImageMetadata` is false (for images the archive made itself).
   * `webArchive` accepts a WARC file (`application/warc`), which only the archive's own captures
   * of cited sources may store: never an upload.
   */
  put(
    source: AsyncIterable<Uint8Array>,
    options?: { maxBytes?: number; stripImageMetadata?: boolean; webArchive?: boolean },
  ): Promise<StoredBlob>;
  /** Streams bytes out, optionally a range (inclusive `end`, as in HTTP). */
  read(sha256: string, range?: { start: number; end: number }): AsyncIterable<Uint8Array>;
  exists(sha256: string): Promise<boolean>;
  /** Re-hashes the stored bytes; false when they changed or vanished. */
  verify(sha256: string): Promise<'ok' | 'missing' | 'changed'>;
}
