import type { Position } from 'geojson';
import { expect } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import type { Place } from '../../src/core/entities.ts';
import { createPlace, updatePlace } from '../../src/features/entities/index.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';

type Json = Record<string, unknown>;

/** Twice the ring's area in the plane of longitude and latitude; positive when counterclockwise. */
function area(ring: Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    sum += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  }
  return sum;
}

function expectPosition(p: unknown, label: string): void {
  expect(Array.isArray(p), label).toBe(true);
  const position = p as number[];
  expect(position.length, label).toBeGreaterThanOrEqual(2);
  expect(position.length, label).toBeLessThanOrEqual(3);
  expect(position.every(Number.isFinite), label).toBe(true);
  expect(Math.abs(position[0]!), `${label}: longitude in WGS 84`).toBeLessThanOrEqual(180);
  expect(Math.abs(position[1]!), `${label}: latitude in WGS 84`).toBeLessThanOrEqual(90);
}

function expectPolygon(rings: Position[][], label: string): void {
  expect(rings.length, label).toBeGreaterThan(0);
  rings.forEach((ring, i) => {
    const at = `${label} ring ${i}`;
    expect(ring.length, `${at}: at least 4 positions`).toBeGreaterThanOrEqual(4);
    for (const p of ring) expectPosition(p, at);
    expect(ring[ring.length - 1], `${at}: closed`).toEqual(ring[0]);
    // §3.1.6: exterior rings counterclockwise, holes clockwise.
    expect(area(ring) > 0, `${at}: right-hand rule`).toBe(i === 0);
    // §3.1.9: an edge spanning more than 180° of longitude would wrap across the antimeridian.
    for (let k = 1; k < ring.length; k++) {
      expect(
        Math.abs(ring[k]![0]! - ring[k - 1]![0]!),
        `${at}: no antimeridian crossing`,
      ).toBeLessThanOrEqual(180);
    }
  });
}

/**
 * RFC 7946's rules for a FeatureCollection of places: WGS 84 positions (no `crs`), Polygons and
 * MultiPolygons with closed rings of at least four positions, the right-hand rule, and no ring
 * crossing the antimeridian. Each Feature names its place and the source of its geometry.
 */
export function expectRfc7946(collection: unknown): void {
  const fc = collection as Json;
  expect(fc.type).toBe('FeatureCollection');
  expect(fc).not.toHaveProperty('crs');
  for (const feature of fc.features as Json[]) {
    expect(feature.type).toBe('Feature');
    expect(feature).not.toHaveProperty('crs');
    const properties = feature.properties as Json;
    expect(typeof properties.name).toBe('string');
    expect(typeof properties.source).toBe('string');
    expect((properties.source as string).length).toBeGreaterThan(0);
    const geometry = feature.geometry as { type: string; coordinates: unknown };
    const label = String(feature.id);
    if (geometry.type === 'Point') expectPosition(geometry.coordinates, label);
    else if (geometry.type === 'Polygon')
      expectPolygon(geometry.coordinates as Position[][], label);
    else if (geometry.type === 'MultiPolygon') {
      for (const polygon of geometry.coordinates as Position[][][]) expectPolygon(polygon, label);
    } else throw new Error(`${label}: unexpected ${geometry.type}`);
  }
}

/** An illustrative outline of Kyo-hwa-so No. 12, given clockwise as some tools export it. */
export const CAMP_OUTLINE = {
  type: 'Polygon',
  coordinates: [
    [
      [129.7531, 42.2079],
      [129.7531, 42.2109],
      [129.7571, 42.2109],
      [129.7571, 42.2079],
      [129.7531, 42.2079],
    ],
  ],
};

/** Gives a place of the archive an outline, as an editor would through the form. */
export async function outlinePlace(
  ctx: AppContext,
  slug: string,
  footprint: unknown,
  source: string,
) {
  const place = (await ctx.repos.places.findBySlug(slug))!;
  return updatePlace(ctx, place.id, { ...place, footprint, footprintSource: source }, SYSTEM_ACTOR);
}

/** Gives a place of the archive a point, with its source. */
export async function pointPlace(
  ctx: AppContext,
  slug: string,
  latitude: number,
  longitude: number,
  source: string,
) {
  const place = (await ctx.repos.places.findBySlug(slug))!;
  return updatePlace(
    ctx,
    place.id,
    { ...place, latitude, longitude, coordinatesSource: source },
    SYSTEM_ACTOR,
  );
}

/** A place with a point and an outline but no public work: the public may not see it. */
export function hiddenPlace(ctx: AppContext): Promise<Place> {
  return createPlace(
    ctx,
    {
      slug: 'unpublished-site',
      kind: 'facility',
      latitude: 40,
      longitude: 127,
      coordinatesSource: 'A draft not yet published',
      footprint: {
        type: 'Polygon',
        coordinates: [
          [
            [127, 40],
            [127.01, 40],
            [127.01, 40.01],
            [127, 40],
          ],
        ],
      },
      footprintSource: 'A draft not yet published',
      names: [{ name: 'Unpublished Site', language: 'en', scheme: 'english', preferred: true }],
    },
    SYSTEM_ACTOR,
  );
}
