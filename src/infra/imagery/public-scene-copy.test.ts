import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { fromFile } from 'geotiff';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { type GeoTiffOptions, writeGeoTiff } from '../../../test/support/geotiff.ts';
import { ValidationError } from '../../core/errors.ts';
import { inspectScene } from './inspect-scene.ts';
import { publicSceneCopy } from './public-scene-copy.ts';

const dir = mkdtempSync(join(tmpdir(), 'scene-copy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
const nextPath = () => join(dir, `scene-${fileCount++}`);

/** Strings planted in every metadata block: none may be found in the public copy. */
const MARKERS = {
  description: 'MARK-DESCRIPTION-shot-by-field-team',
  xmp: 'MARK-XMP-creator-tool',
  software: 'MARK-SOFTWARE-9.1',
  artist: 'MARK-ARTIST-analyst-name',
  gdalMetadata: 'MARK-GDAL-METADATA-source-path',
  exifMake: 'MARK-EXIF-MAKE',
  exifNote: 'MARK-EXIF-MAKER-NOTE-serial-1234',
  gpsArea: 'MARK-GPS-AREA-safe-house',
};

const ascii = (text: string) => new TextEncoder().encode(text);

function leakyGeoTiff(options: Partial<GeoTiffOptions>): Uint8Array {
  return writeGeoTiff({
    width: 40,
    height: 30,
    epsg: 32652,
    origin: [410_000, 4_672_000],
    pixelSize: [10, 10],
    rowsPerStrip: 7,
    extra: [
      { tag: 270, type: 'ASCII', values: MARKERS.description },
      { tag: 305, type: 'ASCII', values: MARKERS.software },
      { tag: 315, type: 'ASCII', values: MARKERS.artist },
      { tag: 700, type: 'BYTE', values: ascii(`<x:xmpmeta>${MARKERS.xmp}</x:xmpmeta>`) },
      { tag: 42112, type: 'ASCII', values: `<GDALMetadata>${MARKERS.gdalMetadata}</GDALMetadata>` },
      { tag: 42113, type: 'ASCII', values: '0' },
    ],
    exif: [
      { tag: 271, type: 'ASCII', values: MARKERS.exifMake },
      { tag: 37500, type: 'UNDEFINED', values: ascii(MARKERS.exifNote) },
    ],
    gps: [
      { tag: 1, type: 'ASCII', values: 'N' },
      { tag: 2, type: 'RATIONAL', values: [42, 1, 12, 1, 0, 1] },
      { tag: 28, type: 'UNDEFINED', values: ascii(`ASCII\0\0\0${MARKERS.gpsArea}`) },
    ],
    ...options,
  });
}

async function rawPixels(path: string): Promise<Buffer> {
  return sharp(path).raw().toBuffer();
}

const VARIANTS = [
  { bigTiff: false, littleEndian: true },
  { bigTiff: false, littleEndian: false },
  { bigTiff: true, littleEndian: true },
  { bigTiff: true, littleEndian: false },
];

describe('publicSceneCopy of a GeoTIFF', () => {
  for (const variant of VARIANTS) {
    const name = `${variant.bigTiff ? 'BigTIFF' : 'classic TIFF'}, ${variant.littleEndian ? 'little' : 'big'}-endian`;

    it(`drops EXIF, GPS, XMP and descriptive tags to the last byte (${name})`, async () => {
      const source = nextPath();
      writeFileSync(source, leakyGeoTiff(variant));
      const copy = nextPath();
      await publicSceneCopy(source, 'image/tiff', copy);
      const original = readFileSync(source).toString('latin1');
      const bytes = readFileSync(copy).toString('latin1');
      for (const marker of Object.values(MARKERS)) {
        expect(original).toContain(marker);
        expect(bytes).not.toContain(marker);
      }
      expect(bytes.length).toBe(original.length);
    });

    it(`keeps the pixels, the footprint and the nodata value (${name})`, async () => {
      const source = nextPath();
      writeFileSync(source, leakyGeoTiff(variant));
      const copy = nextPath();
      await publicSceneCopy(source, 'image/tiff', copy);
      expect((await rawPixels(copy)).equals(await rawPixels(source))).toBe(true);
      const before = await inspectScene(source);
      expect(before.footprint).not.toBeNull();
      expect(await inspectScene(copy)).toEqual(before);
      const tiff = await fromFile(copy);
      const ifd = (await tiff.getImage(0)).getFileDirectory();
      expect(String(ifd.getValue('GDAL_NODATA')).replace(/\0$/, '')).toBe('0');
      expect(ifd.hasTag(34665)).toBe(false);
      expect(ifd.hasTag(270)).toBe(false);
      await tiff.close();
    });
  }

  it('zeroes bytes that no kept tag points to, such as a block left behind by an editor', async () => {
    const source = nextPath();
    const orphan = ascii('MARK-ORPHAN-old-caption-left-in-the-file');
    writeFileSync(source, Buffer.concat([leakyGeoTiff({}), orphan]));
    const copy = nextPath();
    await publicSceneCopy(source, 'image/tiff', copy);
    const bytes = readFileSync(copy);
    expect(bytes.toString('latin1')).not.toContain('MARK-ORPHAN');
    expect((await rawPixels(copy)).equals(await rawPixels(source))).toBe(true);
  });

  it('keeps the pixels of tiled, compressed and pyramid TIFFs written by libvips', async () => {
    const base = sharp({
      create: {
        width: 300,
        height: 200,
        channels: 3,
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
        background: '#000',
      },
    });
    for (const options of [
      { tile: true, compression: 'deflate' },
      { tile: true, compression: 'jpeg', quality: 90 },
      { compression: 'lzw', predictor: 'horizontal' },
      { pyramid: true, subifd: true, tile: true, tileWidth: 64, tileHeight: 64 },
      {
        pyramid: true,
        tile: true,
        tileWidth: 64,
        tileHeight: 64,
        compression: 'deflate',
        bigtiff: true,
      },
    ] as const) {
      const source = nextPath();
      await base.clone().tiff(options).toFile(source);
      const copy = nextPath();
      await publicSceneCopy(source, 'image/tiff', copy);
      expect((await rawPixels(copy)).equals(await rawPixels(source))).toBe(true);
    }
  });

  it('refuses an old-style JPEG TIFF, whose pixels need tags it would drop', async () => {
    const source = nextPath();
    writeFileSync(source, leakyGeoTiff({ compression: 6 }));
    await expect(publicSceneCopy(source, 'image/tiff', nextPath())).rejects.toThrow(
      /old-style JPEG/,
    );
  });

  it('refuses a file that is not a TIFF and leaves no copy', async () => {
    const source = nextPath();
    writeFileSync(source, 'not an image at all');
    const copy = nextPath();
    await expect(publicSceneCopy(source, 'image/tiff', copy)).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(() => readFileSync(copy)).toThrow();
  });

  it('never crashes on a damaged TIFF: it strips it or refuses it', async () => {
    const good = leakyGeoTiff({});
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        async (damage) => {
          const bytes = good.slice();
          for (const [at, value] of damage) bytes[at] = value;
          const source = nextPath();
          writeFileSync(source, bytes);
          await publicSceneCopy(source, 'image/tiff', nextPath()).catch((error: unknown) => {
            expect(error).toBeInstanceOf(ValidationError);
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('publicSceneCopy of a JPEG, PNG or WebP scene', () => {
  it('re-encodes the pixels in the same format without EXIF or XMP', async () => {
    const image = sharp({ create: { width: 48, height: 32, channels: 3, background: '#335577' } })
      .withExif({ IFD0: { Make: MARKERS.exifMake, Artist: MARKERS.artist } })
      .withXmp(`<x:xmpmeta xmlns:x="adobe:ns:meta/">${MARKERS.xmp}</x:xmpmeta>`);
    for (const [mediaType, format] of [
      ['image/jpeg', 'jpeg'],
      ['image/png', 'png'],
      ['image/webp', 'webp'],
    ] as const) {
      const source = nextPath();
      writeFileSync(source, await image.clone().toFormat(format).toBuffer());
      expect(readFileSync(source).toString('latin1')).toContain(MARKERS.exifMake);
      const copy = nextPath();
      await publicSceneCopy(source, mediaType, copy);
      const meta = await sharp(copy).metadata();
      expect({ format: meta.format, width: meta.width, exif: meta.exif, xmp: meta.xmp }).toEqual({
        format,
        width: 48,
        exif: undefined,
        xmp: undefined,
      });
      const text = readFileSync(copy).toString('latin1');
      for (const marker of Object.values(MARKERS)) expect(text).not.toContain(marker);
    }
  });
});
