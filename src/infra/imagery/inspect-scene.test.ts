import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import proj4 from 'proj4';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { writeGeoTiff } from '../../../test/support/geotiff.ts';
import { ValidationError } from '../../core/errors.ts';
import type { FootprintPolygon, LonLat } from '../../core/imagery.ts';
import { inspectScene } from './inspect-scene.ts';

const dir = mkdtempSync(join(tmpdir(), 'scene-inspect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function file(bytes: Uint8Array | Buffer): string {
  const path = join(dir, `scene-${fileCount++}`);
  writeFileSync(path, bytes);
  return path;
}

/** Great-circle distance in metres (haversine, mean Earth radius). */
function metresBetween([lon1, lat1]: LonLat, [lon2, lat2]: LonLat): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
}

function nearestCornerDistance(footprint: FootprintPolygon, truth: LonLat): number {
  return Math.min(...footprint.coordinates[0]!.map((p) => metresBetween(p, truth)));
}

function signedArea(ring: LonLat[]): number {
  let sum = 0;
  for (let k = 0; k + 1 < ring.length; k++) {
    sum += ring[k]![0] * ring[k + 1]![1] - ring[k + 1]![0] * ring[k]![1];
  }
  return sum;
}

function expectRfc7946Ring(footprint: FootprintPolygon) {
  const ring = footprint.coordinates[0]!;
  expect(ring.length).toBeGreaterThanOrEqual(4);
  expect(ring[0]).toEqual(ring[ring.length - 1]);
  expect(signedArea(ring)).toBeGreaterThan(0);
}

const UTM_52N = '+proj=utm +zone=52 +datum=WGS84 +units=m +no_defs';
// A 2 km square whose top-left corner is near Chongjin, 42.2° N 129.8° E.
const [east, north] = proj4('EPSG:4326', UTM_52N, [129.8, 42.2]) as [number, number];

describe('inspectScene', () => {
  it('reads a UTM zone 52N GeoTIFF footprint within a metre of each true corner', async () => {
    const path = file(
      writeGeoTiff({
        width: 200,
        height: 200,
        epsg: 32652,
        origin: [east, north],
        pixelSize: [10, 10],
      }),
    );
    const scene = await inspectScene(path);
    expect(scene).toMatchObject({
      format: 'image/tiff',
      width: 200,
      height: 200,
      sourceCrs: 'EPSG:32652',
    });
    const footprint = scene.footprint!;
    expectRfc7946Ring(footprint);
    for (const [x, y] of [
      [east, north],
      [east + 2000, north],
      [east + 2000, north - 2000],
      [east, north - 2000],
    ] as const) {
      const truth = proj4(UTM_52N, 'EPSG:4326', [x, y]) as LonLat;
      expect(nearestCornerDistance(footprint, truth)).toBeLessThan(1);
    }
  });

  it('reads the same footprint from a ModelTransformation, a BigTIFF and big-endian bytes', async () => {
    const byScale = await inspectScene(
      file(
        writeGeoTiff({
          width: 50,
          height: 40,
          epsg: 32652,
          origin: [east, north],
          pixelSize: [40, 50],
        }),
      ),
    );
    const matrix = [40, 0, 0, east, 0, -50, 0, north, 0, 0, 0, 0, 0, 0, 0, 1];
    for (const variant of [
      { transformation: matrix },
      {
        bigTiff: true,
        littleEndian: false,
        origin: [east, north] as [number, number],
        pixelSize: [40, 50] as [number, number],
      },
    ]) {
      const scene = await inspectScene(
        file(writeGeoTiff({ width: 50, height: 40, epsg: 32652, ...variant })),
      );
      expect(scene.footprint).toEqual(byScale.footprint);
    }
  });

  it('reads a latitude-longitude GeoTIFF (EPSG:4326) footprint within a metre', async () => {
    const path = file(
      writeGeoTiff({
        width: 300,
        height: 100,
        epsg: 4326,
        origin: [129.8, 42.2],
        pixelSize: [1e-4, 1e-4],
      }),
    );
    const scene = await inspectScene(path);
    expect(scene.sourceCrs).toBe('EPSG:4326');
    expectRfc7946Ring(scene.footprint!);
    for (const truth of [
      [129.8, 42.2],
      [129.83, 42.2],
      [129.83, 42.19],
      [129.8, 42.19],
    ] as LonLat[]) {
      expect(nearestCornerDistance(scene.footprint!, truth)).toBeLessThan(1);
    }
  });

  it('reads a Web Mercator (EPSG:3857) GeoTIFF footprint within a metre', async () => {
    const [x, y] = proj4('EPSG:4326', 'EPSG:3857', [129.8, 42.2]) as [number, number];
    const scene = await inspectScene(
      file(
        writeGeoTiff({ width: 100, height: 100, epsg: 3857, origin: [x, y], pixelSize: [20, 20] }),
      ),
    );
    expect(scene.sourceCrs).toBe('EPSG:3857');
    const truth = proj4('EPSG:3857', 'EPSG:4326', [x + 2000, y - 2000]) as LonLat;
    expect(nearestCornerDistance(scene.footprint!, truth)).toBeLessThan(1);
  });

  it('names a system it does not read instead of guessing a footprint', async () => {
    const scene = await inspectScene(
      file(writeGeoTiff({ width: 10, height: 10, epsg: 2154, origin: [700000, 6600000] })),
    );
    expect(scene.footprint).toBeNull();
    expect(scene.sourceCrs).toBe('EPSG:2154');
    expect(scene.footprintNote).toContain('EPSG:2154');
  });

  it('says a TIFF without georeferencing has no footprint', async () => {
    const scene = await inspectScene(file(writeGeoTiff({ width: 10, height: 10 })));
    expect(scene.footprint).toBeNull();
    expect(scene.footprintNote).toMatch(/not georeferenced/);
  });

  it('reads the format and size of JPEG, PNG and WebP scenes', async () => {
    const image = sharp({ create: { width: 64, height: 48, channels: 3, background: '#446688' } });
    for (const [format, bytes] of [
      ['image/jpeg', await image.clone().jpeg().toBuffer()],
      ['image/png', await image.clone().png().toBuffer()],
      ['image/webp', await image.clone().webp().toBuffer()],
    ] as const) {
      expect(await inspectScene(file(bytes))).toMatchObject({
        format,
        width: 64,
        height: 48,
        footprint: null,
      });
    }
  });

  it('refuses a scene over a billion pixels, naming its size', async () => {
    const path = file(writeGeoTiff({ width: 8, height: 8, declaredSize: [40_000, 30_000] }));
    await expect(inspectScene(path)).rejects.toThrow(/40000 × 30000 pixels/);
  });

  it('refuses other formats and corrupt files with a ValidationError', async () => {
    await expect(inspectScene(file(Buffer.from('GIF89a........')))).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(inspectScene(file(Buffer.from('II*\0\x08\0\0\0\xff\xff')))).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('never crashes on a damaged GeoTIFF: it reads it or refuses it', async () => {
    const good = writeGeoTiff({
      width: 16,
      height: 16,
      epsg: 32652,
      origin: [east, north],
      rowsPerStrip: 4,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        async (damage) => {
          const bytes = good.slice();
          for (const [at, value] of damage) bytes[at] = value;
          await inspectScene(file(bytes)).catch((error: unknown) => {
            expect(error).toBeInstanceOf(ValidationError);
          });
        },
      ),
      { numRuns: 30 },
    );
  });
});
