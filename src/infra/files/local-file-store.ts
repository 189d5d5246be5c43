import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { ValidationError } from '../../core/errors.ts';
import type { FileStore, StoredBlob } from '../../core/ports.ts';
import { SNIFF_BYTES, sniffMediaType } from './sniff-media-type.ts';

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

/** Rewrites an image without its metadata; throws a ValidationError for an unreadable one. */
export type ImageSanitizer = (bytes: Uint8Array, mediaType: string) => Promise<Uint8Array>;
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Files on the local disk under `root/ab/cd/<sha256>`. The only path component that comes from
 * outside is a hash, checked against its pattern, so no request can name another file.
 */
export class LocalFileStore implements FileStore {
  constructor(
    private readonly root: string,
    private readonly defaultMaxBytes = DEFAULT_MAX_BYTES,
    private readonly sanitizeImage: ImageSanitizer | null = null,
  ) {}

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new ValidationError('Not a file hash');
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(
    source: AsyncIterable<Uint8Array>,
    options: { maxBytes?: number; stripImageMetadata?: boolean; webArchive?: boolean } = {},
  ): Promise<StoredBlob> {
    const maxBytes = options.maxBytes ?? this.defaultMaxBytes;
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, `${process.pid}-${randomBytes(8).toString('hex')}`);
    const out = createWriteStream(tmp, { flags: 'wx' });
    const hash = createHash('sha256');
    let byteSize = 0;
    let head: Uint8Array = new Uint8Array(0);
    let mediaType: StoredBlob['mediaType'] | null = null;
    try {
      for await (const chunk of source) {
        byteSize += chunk.byteLength;
        if (byteSize > maxBytes) {
          throw new ValidationError(
            `The file is larger than the limit of ${formatBytes(maxBytes)}`,
          );
        }
        if (mediaType === null && head.byteLength < SNIFF_BYTES) {
          head = concat(head, chunk).subarray(0, SNIFF_BYTES);
          if (head.byteLength >= SNIFF_BYTES) mediaType = requireType(head, options.webArchive);
        }
        hash.update(chunk);
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      }
      if (byteSize === 0) throw new ValidationError('The file is empty');
      mediaType ??= requireType(head, options.webArchive);
      out.end();
      await finished(out);
      let sha256 = hash.digest('hex');
      if (
        this.sanitizeImage &&
        options.stripImageMetadata !== false &&
        mediaType.startsWith('image/')
      ) {
        // The upload's own bytes never reach the store: only the rewritten image is hashed and
        // kept, and the temporary copy is overwritten with it before the rename.
        const clean = await this.sanitizeImage(await readFile(tmp), mediaType);
        if (requireType(clean.subarray(0, SNIFF_BYTES)) !== mediaType) {
          throw new Error('The image sanitizer changed the type of the image');
        }
        await writeFile(tmp, clean);
        sha256 = createHash('sha256').update(clean).digest('hex');
        byteSize = clean.byteLength;
      }
      const target = this.pathOf(sha256);
      await mkdir(join(target, '..'), { recursive: true });
      // rename() is atomic: a crash leaves either no file or the whole file, never a part.
      await rename(tmp, target);
      return { sha256, byteSize, mediaType };
    } catch (error) {
      // The stream opens its file asynchronously: an error before the open completed would
      // otherwise remove nothing, and the open would then leave an empty file behind.
      out.destroy();
      if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
      await rm(tmp, { force: true });
      throw error;
    }
  }

  async *read(sha256: string, range?: { start: number; end: number }): AsyncIterable<Uint8Array> {
    yield* createReadStream(
      this.pathOf(sha256),
      range ? { start: range.start, end: range.end } : {},
    );
  }

  async exists(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }

  async verify(sha256: string): Promise<'ok' | 'missing' | 'changed'> {
    if (!(await this.exists(sha256))) return 'missing';
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(this.pathOf(sha256))) hash.update(chunk);
    return hash.digest('hex') === sha256 ? 'ok' : 'changed';
  }
}

const WARC_MAGIC = new TextEncoder().encode('WARC/1.');

function requireType(head: Uint8Array, webArchive = false): StoredBlob['mediaType'] {
  if (webArchive && WARC_MAGIC.every((b, i) => head[i] === b)) return 'application/warc';
  const type = sniffMediaType(head);
  if (!type) throw new ValidationError('Only PDF, PNG, JPEG, WebP and AVIF files are accepted');
  return type;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
