import { open } from 'node:fs/promises';
import { ValidationError } from '../../core/errors.ts';
import { type TiffEntry, type TiffIfd, TiffReader } from './tiff-directories.ts';

/**
 * The tags a public GeoTIFF keeps: what decodes the pixels, and where they lie on the ground.
 * A whitelist: any tag not named here (EXIF and GPS directories, XMP, IPTC, Photoshop blocks,
 * ImageDescription, Make, Model, Software, DateTime, Artist, HostComputer, Copyright,
 * DocumentName, PageName, GDAL_METADATA, private tags) is dropped. The ICC profile (34675)
 * stays: it says what the colours mean, as the site's other images keep it.
 */
export const KEPT_TIFF_TAGS: ReadonlySet<number> = new Set([
  // Image structure (TIFF 6.0): size, sampling, compression, layout of strips and tiles.
  254, 255, 256, 257, 258, 259, 262, 263, 266, 273, 274, 277, 278, 279, 280, 281, 282, 283, 284,
  296, 317, 318, 319, 320, 322, 323, 324, 325, 330, 338, 339, 340, 341, 347, 529, 530, 531, 532,
  34675,
  // LERC compression parameters, needed to decode LERC-compressed GeoTIFFs.
  50674,
  // GeoTIFF: ModelPixelScale, ModelTiepoint, ModelTransformation, the GeoKey directory and its
  // double and ASCII parameters; GDAL's nodata value, which says which pixels hold no data.
  33550, 33922, 34264, 34735, 34736, 34737, 42113,
]);

const SUB_IFDS = 330;
const COMPRESSION = 259;
const OLD_STYLE_JPEG = 6;
const PIXEL_DATA: Array<[offsets: number, counts: number]> = [
  [273, 279],
  [324, 325],
];
const MAX_DIRECTORIES = 10_000;

type Range = [start: number, end: number];

/** What a walk of the file found: the byte ranges to keep, and the IFDs to rewrite. */
class Plan {
  keep: Range[] = [];
  rewrite: Array<{ ifd: TiffIfd; kept: TiffEntry[] }> = [];
  seen = new Set<number>();

  visit(at: number): boolean {
    if (this.seen.has(at)) return false;
    if (this.seen.size >= MAX_DIRECTORIES) {
      throw new ValidationError('The TIFF is damaged: it has too many directories.');
    }
    this.seen.add(at);
    return true;
  }
}

async function walkImage(reader: TiffReader, at: number, plan: Plan): Promise<void> {
  if (!plan.visit(at)) return;
  const ifd = await reader.ifd(at);
  plan.keep.push([at, at + ifd.byteLength]);
  const kept = ifd.entries.filter((e) => KEPT_TIFF_TAGS.has(e.tag));
  if (kept.length === 0) throw new ValidationError('The TIFF is damaged: an image has no tags.');
  const compression = kept.find((e) => e.tag === COMPRESSION);
  if (compression && (await reader.numbers(compression))[0] === OLD_STYLE_JPEG) {
    // Its pixels sit in a JPEG stream named by tags outside the whitelist, with whatever APP
    // blocks (EXIF among them) the stream carries: it cannot be kept without them.
    throw new ValidationError('TIFFs with old-style JPEG compression (6) are not accepted.');
  }
  for (const entry of kept) {
    if (entry.byteLength === null) {
      throw new ValidationError(`The TIFF is damaged: tag ${entry.tag} has type ${entry.type}.`);
    }
    if (!entry.inline) plan.keep.push(await reader.range(entry.valueAt, entry.byteLength));
  }
  for (const [offsetsTag, countsTag] of PIXEL_DATA) {
    const offsets = kept.find((e) => e.tag === offsetsTag);
    const counts = kept.find((e) => e.tag === countsTag);
    if (!offsets || !counts) continue;
    const starts = await reader.numbers(offsets);
    const lengths = await reader.numbers(counts);
    for (const [k, start] of starts.entries()) {
      plan.keep.push(await reader.range(start, lengths[k] ?? 0));
    }
  }
  plan.rewrite.push({ ifd, kept });
  const subIfds = kept.find((e) => e.tag === SUB_IFDS);
  for (const sub of subIfds ? await reader.numbers(subIfds) : [])
    await walkImage(reader, sub, plan);
  if (ifd.next !== 0) await walkImage(reader, ifd.next, plan);
}

/** Every byte of the file outside the kept ranges. */
function unkept(keep: Range[], size: number): Range[] {
  const sorted = [...keep].sort((x, y) => x[0] - y[0]);
  const gaps: Range[] = [];
  let from = 0;
  for (const [start, end] of sorted) {
    if (start > from) gaps.push([from, Math.min(start, size)]);
    from = Math.max(from, end);
  }
  if (from < size) gaps.push([from, size]);
  return gaps.filter(([start, end]) => end > start);
}

function directoryBytes(kept: TiffEntry[], next: number, bigTiff: boolean, le: boolean): Buffer {
  const countSize = bigTiff ? 8 : 2;
  const entrySize = bigTiff ? 20 : 12;
  const out = Buffer.alloc(countSize + kept.length * entrySize + (bigTiff ? 8 : 4));
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  if (bigTiff) view.setBigUint64(0, BigInt(kept.length), le);
  else view.setUint16(0, kept.length, le);
  kept.forEach((e, k) => {
    out.set(e.raw, countSize + k * entrySize);
  });
  const nextAt = countSize + kept.length * entrySize;
  if (bigTiff) view.setBigUint64(nextAt, BigInt(next), le);
  else view.setUint32(nextAt, next, le);
  return out;
}

const ZEROS = Buffer.alloc(64 * 1024);

/**
 * Rewrites a TIFF in place so that only KEPT_TIFF_TAGS remain: each directory shrinks to its
 * kept entries (they keep their order and their values stay where they are, so every offset
 * stays valid), and every byte that no kept directory, kept value or pixel strip or tile uses is
 * zeroed: dropped values and sub-directories (EXIF, GPS), and whatever else a tool left in the
 * file unreferenced. A whitelist down to the byte. Pixels and kept values are never moved or
 * touched. Reads and writes a few bytes at a time.
 */
export async function stripTiffMetadata(path: string): Promise<void> {
  const file = await open(path, 'r+');
  try {
    const reader = await TiffReader.open(file);
    const { bigTiff, littleEndian, firstIfd, headerLength } = reader.header;
    const plan = new Plan();
    plan.keep.push([0, headerLength]);
    await walkImage(reader, firstIfd, plan);
    const zero = async (start: number, end: number) => {
      for (let at = start; at < end; at += ZEROS.length) {
        await file.write(ZEROS, 0, Math.min(ZEROS.length, end - at), at);
      }
    };
    for (const [start, end] of unkept(plan.keep, reader.header.size)) await zero(start, end);
    for (const { ifd, kept } of plan.rewrite) {
      const bytes = directoryBytes(kept, ifd.next, bigTiff, littleEndian);
      await file.write(bytes, 0, bytes.length, ifd.at);
      // The entries that were dropped sat at the end of the old directory: zero what is left.
      await zero(ifd.at + bytes.length, ifd.at + ifd.byteLength);
    }
  } finally {
    await file.close();
  }
}
