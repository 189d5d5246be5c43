import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import type { LonLat } from '../../core/imagery.ts';
import { type Georeferencing, readFootprint } from './scene-footprint.ts';

const projected = (code: number, extra: Record<string, unknown> = {}) => ({
  GTModelTypeGeoKey: 1,
  GTRasterTypeGeoKey: 1,
  ProjectedCSTypeGeoKey: code,
  ProjLinearUnitsGeoKey: 9001,
  ...extra,
});

function scene(geoKeys: Record<string, unknown> | null, more: Partial<Georeferencing> = {}) {
  return readFootprint({
    width: 100,
    height: 100,
    geoKeys,
    tiepoint: [0, 0, 0, 500_000, 1_000_000, 0],
    pixelScale: [10, 10, 0],
    transformation: undefined,
    ...more,
  });
}

describe('readFootprint', () => {
  it('reads a southern-hemisphere UTM scene (EPSG:327xx) with its false northing', () => {
    const reading = scene(projected(32733));
    const truth = proj4(
      '+proj=utm +zone=33 +south +datum=WGS84 +units=m +no_defs',
      'EPSG:4326',
      [500_000, 1_000_000],
    ) as LonLat;
    expect(reading.sourceCrs).toBe('EPSG:32733');
    expect(reading.footprint!.coordinates[0]![0]![1]).toBeCloseTo(truth[1], 8);
    expect(truth[1]).toBeLessThan(0);
  });

  it('moves the outline out by half a pixel when the tiepoint marks pixel centres', () => {
    const area = scene(projected(32652));
    const point = scene(projected(32652, { GTRasterTypeGeoKey: 2 }));
    const [lonA, latA] = area.footprint!.coordinates[0]![0]!;
    const [lonP, latP] = point.footprint!.coordinates[0]![0]!;
    expect(lonP).toBeLessThan(lonA);
    expect(latP).toBeGreaterThan(latA);
  });

  it('refuses to guess: a user-defined system, a foreign unit, no transform', () => {
    expect(scene(projected(32767)).note).toMatch(/user-defined/);
    expect(scene(projected(32652, { ProjLinearUnitsGeoKey: 9002 })).note).toMatch(/unit 9002/);
    expect(scene(projected(32652), { tiepoint: undefined, pixelScale: undefined }).note).toMatch(
      /no pixel-to-ground transform/,
    );
  });

  it('gives no footprint for a scene across the antimeridian rather than a wrong one', () => {
    const reading = scene(
      { GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 4326 },
      { tiepoint: [0, 0, 0, 179.9, 10, 0], pixelScale: [0.01, 0.01, 0] },
    );
    expect(reading.footprint).toBeNull();
    expect(reading.note).toMatch(/antimeridian/);
  });

  it('closes the ring, counterclockwise, with eight points on each edge', () => {
    const ring = scene(projected(32652)).footprint!.coordinates[0]!;
    expect(ring).toHaveLength(33);
    expect(ring[0]).toEqual(ring[32]);
    let area = 0;
    for (let k = 0; k < 32; k++)
      area += ring[k]![0] * ring[k + 1]![1] - ring[k + 1]![0] * ring[k]![1];
    expect(area).toBeGreaterThan(0);
  });
});
