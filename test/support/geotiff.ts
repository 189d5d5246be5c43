/**
 * Writes small TIFFs byte by byte for the imagery tests: classic or BigTIFF, either byte order,
 * uncompressed RGB strips, GeoTIFF tags, and whatever metadata a camera or a GIS leaves behind
 * (an EXIF IFD, a GPS IFD, XMP, an ImageDescription), so a test knows every byte of the file.
 */

export type TiffType = 'BYTE' | 'ASCII' | 'SHORT' | 'LONG' | 'RATIONAL' | 'UNDEFINED' | 'DOUBLE';

export interface TiffEntry {
  tag: number;
  type: TiffType;
  values: number[] | string | Uint8Array;
}

export interface GeoTiffOptions {
  width: number;
  height: number;
  bigTiff?: boolean;
  littleEndian?: boolean;
  /** EPSG code of the system; projected unless it is 4326. */
  epsg?: number;
  /** Model coordinates of the top-left corner of pixel (0, 0), and the size of one pixel. */
  origin?: [number, number];
  pixelSize?: [number, number];
  /** A full 4×4 ModelTransformation instead of origin and pixel size. */
  transformation?: number[];
  /** Tags added to the image's IFD (ImageDescription, XMP, Software…). */
  extra?: TiffEntry[];
  exif?: TiffEntry[];
  gps?: TiffEntry[];
  rowsPerStrip?: number;
  /** The Compression tag's value; the strips are written uncompressed whatever it says. */
  compression?: number;
  /** A size to claim in the header instead of the real one (for files that lie). */
  declaredSize?: [number, number];
}

const TYPES: Record<TiffType, { code: number; size: number }> = {
  BYTE: { code: 1, size: 1 },
  ASCII: { code: 2, size: 1 },
  SHORT: { code: 3, size: 2 },
  LONG: { code: 4, size: 4 },
  RATIONAL: { code: 5, size: 8 },
  UNDEFINED: { code: 7, size: 1 },
  DOUBLE: { code: 12, size: 8 },
};

/** The colour of pixel (x, y): a pattern a test can recompute. */
export function patternPixel(x: number, y: number): [number, number, number] {
  return [(x * 7 + y) & 0xff, (y * 5) & 0xff, (x ^ y) & 0xff];
}

class TiffBuilder {
  private chunks: Uint8Array[] = [];
  length = 0;
  constructor(
    readonly littleEndian: boolean,
    readonly bigTiff: boolean,
  ) {}

  append(bytes: Uint8Array): number {
    if (this.length % 2) this.push(new Uint8Array(1)); // TIFF values start on a word boundary
    return this.push(bytes);
  }

  private push(bytes: Uint8Array): number {
    const at = this.length;
    this.chunks.push(bytes);
    this.length += bytes.length;
    return at;
  }

  valueBytes(entry: TiffEntry): Uint8Array {
    const { size } = TYPES[entry.type];
    if (typeof entry.values === 'string') return new TextEncoder().encode(`${entry.values}\0`);
    if (entry.values instanceof Uint8Array) return entry.values;
    const count = entry.type === 'RATIONAL' ? entry.values.length / 2 : entry.values.length;
    const out = new Uint8Array(count * size);
    const view = new DataView(out.buffer);
    entry.values.forEach((v, k) => {
      if (entry.type === 'BYTE') view.setUint8(k, v);
      else if (entry.type === 'SHORT') view.setUint16(k * 2, v, this.littleEndian);
      else if (entry.type === 'LONG' || entry.type === 'RATIONAL')
        view.setUint32(k * 4, v, this.littleEndian);
      else if (entry.type === 'DOUBLE') view.setFloat64(k * 8, v, this.littleEndian);
    });
    return out;
  }

  /** Writes the out-of-line values, then the IFD; returns the IFD's offset. */
  ifd(entries: TiffEntry[], pointers: Array<{ tag: number; offset: number }> = []): number {
    const big = this.bigTiff;
    const slot = big ? 8 : 4;
    const rows = entries.map((e) => {
      const bytes = this.valueBytes(e);
      const count = e.type === 'RATIONAL' ? bytes.length / 8 : bytes.length / TYPES[e.type].size;
      const inline = bytes.length <= slot;
      return {
        tag: e.tag,
        code: TYPES[e.type].code,
        count,
        bytes,
        at: inline ? -1 : this.append(bytes),
      };
    });
    for (const p of pointers) {
      rows.push({
        tag: p.tag,
        code: big ? 18 : 13,
        count: 1,
        bytes: new Uint8Array(0),
        at: p.offset,
      });
    }
    rows.sort((a, b) => a.tag - b.tag);
    const entrySize = big ? 20 : 12;
    const head = big ? 8 : 2;
    const out = new Uint8Array(head + rows.length * entrySize + slot);
    const view = new DataView(out.buffer);
    const le = this.littleEndian;
    if (big) view.setBigUint64(0, BigInt(rows.length), le);
    else view.setUint16(0, rows.length, le);
    rows.forEach((r, k) => {
      const o = head + k * entrySize;
      view.setUint16(o, r.tag, le);
      view.setUint16(o + 2, r.code, le);
      if (big) view.setBigUint64(o + 4, BigInt(r.count), le);
      else view.setUint32(o + 4, r.count, le);
      const valueAt = o + (big ? 12 : 8);
      if (r.at === -1) out.set(r.bytes, valueAt);
      else if (big) view.setBigUint64(valueAt, BigInt(r.at), le);
      else view.setUint32(valueAt, r.at, le);
    });
    return this.append(out);
  }

  finish(firstIfd: number): Uint8Array {
    const header = new Uint8Array(this.bigTiff ? 16 : 8);
    const view = new DataView(header.buffer);
    const le = this.littleEndian;
    header.set(le ? [0x49, 0x49] : [0x4d, 0x4d]);
    view.setUint16(2, this.bigTiff ? 43 : 42, le);
    if (this.bigTiff) {
      view.setUint16(4, 8, le);
      view.setBigUint64(8, BigInt(firstIfd), le);
    } else {
      view.setUint32(4, firstIfd, le);
    }
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    out.set(header, 0);
    return out;
  }
}

function geoTags(o: GeoTiffOptions): TiffEntry[] {
  if (o.epsg === undefined) return [];
  const geographic = o.epsg === 4326;
  // GeoKeyDirectory: version 1.1.0, then (key, location 0, count 1, value) per key.
  const keys = geographic
    ? [1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326, 2054, 0, 1, 9102]
    : [1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, o.epsg, 3076, 0, 1, 9001];
  const tags: TiffEntry[] = [
    { tag: 34735, type: 'SHORT', values: [1, 1, 0, keys.length / 4, ...keys] },
  ];
  if (o.transformation) {
    tags.push({ tag: 34264, type: 'DOUBLE', values: o.transformation });
  } else {
    const [x, y] = o.origin ?? [0, 0];
    const [sx, sy] = o.pixelSize ?? [1, 1];
    tags.push({ tag: 33550, type: 'DOUBLE', values: [sx, sy, 0] });
    tags.push({ tag: 33922, type: 'DOUBLE', values: [0, 0, 0, x, y, 0] });
  }
  return tags;
}

/** A GeoTIFF (or plain TIFF without `epsg`) of `patternPixel` RGB pixels. */
export function writeGeoTiff(o: GeoTiffOptions): Uint8Array {
  const b = new TiffBuilder(o.littleEndian ?? true, o.bigTiff ?? false);
  const rowsPerStrip = o.rowsPerStrip ?? 16;
  const offsets: number[] = [];
  const counts: number[] = [];
  b.append(new Uint8Array(o.bigTiff ? 16 : 8)); // the header, written last
  for (let y0 = 0; y0 < o.height; y0 += rowsPerStrip) {
    const rows = Math.min(rowsPerStrip, o.height - y0);
    const strip = new Uint8Array(rows * o.width * 3);
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < o.width; x++) strip.set(patternPixel(x, y0 + y), (y * o.width + x) * 3);
    }
    offsets.push(b.append(strip));
    counts.push(strip.length);
  }
  const pointers: Array<{ tag: number; offset: number }> = [];
  if (o.exif) pointers.push({ tag: 34665, offset: b.ifd(o.exif) });
  if (o.gps) pointers.push({ tag: 34853, offset: b.ifd(o.gps) });
  const entries: TiffEntry[] = [
    { tag: 256, type: 'LONG', values: [o.declaredSize?.[0] ?? o.width] },
    { tag: 257, type: 'LONG', values: [o.declaredSize?.[1] ?? o.height] },
    { tag: 258, type: 'SHORT', values: [8, 8, 8] },
    { tag: 259, type: 'SHORT', values: [o.compression ?? 1] },
    { tag: 262, type: 'SHORT', values: [2] },
    { tag: 273, type: 'LONG', values: offsets },
    { tag: 277, type: 'SHORT', values: [3] },
    { tag: 278, type: 'LONG', values: [rowsPerStrip] },
    { tag: 279, type: 'LONG', values: counts },
    { tag: 284, type: 'SHORT', values: [1] },
    ...geoTags(o),
    ...(o.extra ?? []),
  ];
  return b.finish(b.ifd(entries, pointers));
}
