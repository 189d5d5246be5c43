import type { FileHandle } from 'node:fs/promises';
import { ValidationError } from '../../core/errors.ts';

/**
 * Reads the structure of a TIFF (classic or BigTIFF, either byte order) from an open file, a few
 * bytes at a time: the header and the image file directories (IFDs), never the pixels.
 */

/** Bytes per value of each TIFF field type (TIFF 6.0 §2, BigTIFF's 16–18). */
const TYPE_SIZES: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
  16: 8,
  17: 8,
  18: 8,
};

/** Bounds that no real scene reaches and that keep a hostile file from looping or exhausting memory. */
const MAX_ENTRIES = 100_000;
const MAX_ARRAY_VALUES = 10_000_000;

export interface TiffHeader {
  littleEndian: boolean;
  bigTiff: boolean;
  firstIfd: number;
  size: number;
  /** Bytes of the header itself. */
  headerLength: number;
}

export interface TiffEntry {
  tag: number;
  type: number;
  count: number;
  /** Bytes the value takes, or null for a type this reader does not know. */
  byteLength: number | null;
  /** Where the value is: inside the entry when it fits, else at its offset. */
  valueAt: number;
  inline: boolean;
  /** The entry's 12 (or 20, BigTIFF) bytes, as written. */
  raw: Uint8Array;
}

export interface TiffIfd {
  at: number;
  entries: TiffEntry[];
  /** Bytes from the entry count to the end of the next-IFD offset. */
  byteLength: number;
  next: number;
}

export class TiffReader {
  private constructor(
    private readonly file: FileHandle,
    readonly header: TiffHeader,
  ) {}

  static async open(file: FileHandle): Promise<TiffReader> {
    const { size } = await file.stat();
    const head = Buffer.alloc(16);
    await file.read(head, 0, 16, 0);
    const order = head.toString('latin1', 0, 2);
    if (order !== 'II' && order !== 'MM') throw new ValidationError('The file is not a TIFF.');
    const littleEndian = order === 'II';
    const version = littleEndian ? head.readUInt16LE(2) : head.readUInt16BE(2);
    if (version !== 42 && version !== 43) throw new ValidationError('The file is not a TIFF.');
    const bigTiff = version === 43;
    const view = new DataView(head.buffer, head.byteOffset, 16);
    const firstIfd = bigTiff
      ? Number(view.getBigUint64(8, littleEndian))
      : view.getUint32(4, littleEndian);
    const header = { littleEndian, bigTiff, firstIfd, size, headerLength: bigTiff ? 16 : 8 };
    return new TiffReader(file, header);
  }

  /** A [start, end) range of the file, refused if it does not lie inside. */
  async range(at: number, length: number): Promise<[number, number]> {
    if (at < 0 || length < 0 || at + length > this.header.size) {
      throw new ValidationError('The TIFF is damaged: a value points outside the file.');
    }
    return [at, at + length];
  }

  async bytes(at: number, length: number): Promise<Buffer> {
    if (at < 0 || length < 0 || at + length > this.header.size) {
      throw new ValidationError('The TIFF is damaged: a value points outside the file.');
    }
    const out = Buffer.alloc(length);
    await this.file.read(out, 0, length, at);
    return out;
  }

  private uint(view: DataView, at: number, size: 2 | 4 | 8): number {
    const le = this.header.littleEndian;
    if (size === 2) return view.getUint16(at, le);
    if (size === 4) return view.getUint32(at, le);
    return Number(view.getBigUint64(at, le));
  }

  async ifd(at: number): Promise<TiffIfd> {
    const big = this.header.bigTiff;
    const countSize = big ? 8 : 2;
    const countBytes = await this.bytes(at, countSize);
    const count = this.uint(toView(countBytes), 0, big ? 8 : 2);
    if (count === 0 || count > MAX_ENTRIES) {
      throw new ValidationError(`The TIFF is damaged: a directory claims ${count} entries.`);
    }
    const entrySize = big ? 20 : 12;
    const slot = big ? 8 : 4;
    const byteLength = countSize + count * entrySize + slot;
    const body = await this.bytes(at, byteLength);
    const view = toView(body);
    const entries: TiffEntry[] = [];
    for (let k = 0; k < count; k++) {
      const o = countSize + k * entrySize;
      const type = this.uint(view, o + 2, 2);
      const valueCount = this.uint(view, o + 4, big ? 8 : 4);
      const size = TYPE_SIZES[type];
      const byteLength = size === undefined ? null : size * valueCount;
      const inline = byteLength !== null && byteLength <= slot;
      const field = o + (big ? 12 : 8);
      entries.push({
        tag: this.uint(view, o, 2),
        type,
        count: valueCount,
        byteLength,
        inline,
        valueAt: inline ? at + field : this.uint(view, field, slot === 8 ? 8 : 4),
        raw: new Uint8Array(body.subarray(o, o + entrySize)),
      });
    }
    const next = this.uint(view, byteLength - slot, slot === 8 ? 8 : 4);
    return { at, entries, byteLength, next };
  }

  /** The unsigned integers of a SHORT, LONG, LONG8 or IFD field (strip offsets, sub-IFDs). */
  async numbers(entry: TiffEntry): Promise<number[]> {
    const size = TYPE_SIZES[entry.type];
    if (![3, 4, 13, 16, 18].includes(entry.type) || size === undefined) {
      throw new ValidationError(`The TIFF is damaged: tag ${entry.tag} has type ${entry.type}.`);
    }
    if (entry.count > MAX_ARRAY_VALUES) {
      throw new ValidationError(`The TIFF is damaged: tag ${entry.tag} has ${entry.count} values.`);
    }
    const view = toView(await this.bytes(entry.valueAt, entry.count * size));
    return Array.from({ length: entry.count }, (_, k) =>
      this.uint(view, k * size, size as 2 | 4 | 8),
    );
  }
}

function toView(bytes: Buffer): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
