import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  crossesAntimeridian,
  MAX_POSITIONS,
  normalizeOutline,
  type Outline,
  outlineBounds,
  outlineFromText,
  outlineText,
  polygonsOf,
  readOutline,
  signedArea,
} from './geojson.ts';

/** A star-shaped ring about a centre: simple, whatever the radii, as its angles only grow. */
const starRing = (centre: Position, maxRadius: number) =>
  fc
    .record({
      angles: fc.uniqueArray(fc.integer({ min: 0, max: 359 }), { minLength: 3, maxLength: 12 }),
      radii: fc.array(fc.double({ min: 0.3, max: 1, noNaN: true }), {
        minLength: 12,
        maxLength: 12,
      }),
      clockwise: fc.boolean(),
    })
    .map(({ angles, radii, clockwise }) => {
      const sorted = [...angles].sort((a, b) => a - b);
      const ring = sorted.map((deg, i): Position => {
        const r = radii[i]! * maxRadius;
        const a = (deg * Math.PI) / 180;
        return [centre[0]! + r * Math.cos(a), centre[1]! + r * Math.sin(a)];
      });
      const ordered = clockwise ? ring.reverse() : ring;
      return [...ordered, ordered[0]!];
    });

/** A polygon with an exterior and, at times, a hole well inside it, wound either way. */
const polygon = fc
  .record({
    longitude: fc.double({ min: -170, max: 170, noNaN: true }),
    latitude: fc.double({ min: -80, max: 80, noNaN: true }),
    size: fc.double({ min: 0.001, max: 5, noNaN: true }),
  })
  .chain(({ longitude, latitude, size }) =>
    fc.tuple(
      starRing([longitude, latitude], size),
      fc.option(starRing([longitude, latitude], size * 0.25), { nil: undefined }),
    ),
  )
  .map(([exterior, hole]) => (hole ? [exterior, hole] : [exterior]))
  // A star whose points nearly line up can have no area to speak of: no winding to check.
  .filter((rings) => rings.every((ring) => Math.abs(signedArea(ring)) > 1e-12));

const outline: fc.Arbitrary<Outline> = fc.oneof(
  polygon.map((coordinates): Outline => ({ type: 'Polygon', coordinates })),
  fc
    .array(polygon, { minLength: 1, maxLength: 3 })
    .map((coordinates): Outline => ({ type: 'MultiPolygon', coordinates })),
);

const read = (value: unknown): Outline => {
  const result = readOutline(value);
  if (!result.ok) throw new Error(result.problem);
  return result.outline;
};

const problemOf = (value: unknown) => {
  const result = readOutline(value);
  return result.ok ? null : result.problem;
};

describe('reading an outline', () => {
  it('winds every exterior ring counterclockwise and every hole clockwise', () => {
    fc.assert(
      fc.property(outline, (o) => {
        for (const rings of polygonsOf(read(o))) {
          rings.forEach((ring, i) => {
            expect(signedArea(ring) > 0).toBe(i === 0);
          });
        }
      }),
    );
  });

  it('changes nothing the second time (normalizing is idempotent)', () => {
    fc.assert(
      fc.property(outline, (o) => {
        const once = normalizeOutline(o);
        expect(normalizeOutline(once)).toEqual(once);
        expect(read(once)).toEqual(once);
      }),
    );
  });

  it('keeps every position, only reordering rings that ran the wrong way', () => {
    fc.assert(
      fc.property(outline, (o) => {
        const before = polygonsOf(o);
        polygonsOf(read(o)).forEach((rings, p) => {
          rings.forEach((ring, r) => {
            const original = before[p]![r]!;
            expect([ring, [...ring].reverse()]).toContainEqual(original);
          });
        });
      }),
    );
  });

  it('gives a bounding box that holds every position and touches the outermost', () => {
    fc.assert(
      fc.property(outline, (o) => {
        const [west, south, east, north] = outlineBounds(o);
        const positions = polygonsOf(o).flat(2);
        for (const [x, y] of positions) {
          expect(x).toBeGreaterThanOrEqual(west);
          expect(x).toBeLessThanOrEqual(east);
          expect(y).toBeGreaterThanOrEqual(south);
          expect(y).toBeLessThanOrEqual(north);
        }
        expect(positions.some(([x]) => x === west)).toBe(true);
        expect(positions.some(([x]) => x === east)).toBe(true);
        expect(positions.some(([, y]) => y === south)).toBe(true);
        expect(positions.some(([, y]) => y === north)).toBe(true);
      }),
    );
  });

  it('stores and reads back the same outline', () => {
    fc.assert(
      fc.property(outline, (o) => {
        const normalized = read(o);
        expect(outlineFromText(outlineText(normalized))).toEqual(normalized);
      }),
    );
  });

  it('takes the geometry out of a Feature and drops foreign members', () => {
    const square = [
      [
        [129, 42],
        [129, 43],
        [130, 43],
        [130, 42],
        [129, 42],
      ],
    ];
    const feature = {
      type: 'Feature',
      properties: { name: 'x' },
      geometry: { type: 'Polygon', coordinates: square, crs: 'x' },
    };
    expect(read(feature)).toEqual({
      type: 'Polygon',
      coordinates: [[...square[0]!].reverse()],
    });
  });
});

describe('refusing an outline', () => {
  const ring = [
    [129, 42],
    [130, 42],
    [130, 43],
    [129, 42],
  ];

  it('refuses what is not a Polygon or MultiPolygon', () => {
    expect(problemOf({ type: 'Point', coordinates: [129, 42] })).toMatch(/not a Point/);
    expect(problemOf('POLYGON((1 2, 3 4))')).toMatch(/Polygon or MultiPolygon/);
    expect(problemOf({ type: 'Polygon', coordinates: [] })).toMatch(/at least one ring/);
  });

  it('refuses positions outside WGS 84', () => {
    expect(
      problemOf({ type: 'Polygon', coordinates: [ring.map(([x, y]) => [x! + 60, y])] }),
    ).toMatch(/Longitude 189 is outside/);
    expect(
      problemOf({ type: 'Polygon', coordinates: [ring.map(([x, y]) => [x, y! + 50])] }),
    ).toMatch(/Latitude 92 is outside/);
    expect(problemOf({ type: 'Polygon', coordinates: [[[129, '42'], ...ring]] })).toMatch(
      /\[longitude, latitude\]/,
    );
  });

  it('refuses rings that are open, too short or without area', () => {
    expect(problemOf({ type: 'Polygon', coordinates: [ring.slice(0, 3)] })).toMatch(
      /at least 4 positions/,
    );
    expect(
      problemOf({ type: 'Polygon', coordinates: [[...ring.slice(0, 3), [129.5, 42.5]]] }),
    ).toMatch(/must be closed/);
    const flat = [
      [129, 42],
      [130, 42],
      [131, 42],
      [129, 42],
    ];
    expect(problemOf({ type: 'Polygon', coordinates: [flat] })).toMatch(/enclose an area/);
  });

  it('refuses an outline of more positions than any page should draw', () => {
    const many = Array.from({ length: MAX_POSITIONS }, (_, i): Position => {
      const a = (2 * Math.PI * i) / MAX_POSITIONS;
      return [129 + Math.cos(a), 42 + Math.sin(a)];
    });
    expect(problemOf({ type: 'Polygon', coordinates: [[...many, many[0]!]] })).toMatch(
      /at most 20000 positions: simplify it/,
    );
    expect(problemOf({ type: 'Polygon', coordinates: [[...many.slice(1), many[1]!]] })).toBeNull();
  });

  it('refuses a ring crossing the antimeridian rather than guessing how to split it', () => {
    const wrapping = [
      [179, 10],
      [-179, 10],
      [-179, 11],
      [179, 11],
      [179, 10],
    ];
    expect(crossesAntimeridian(wrapping)).toBe(true);
    expect(problemOf({ type: 'Polygon', coordinates: [wrapping] })).toMatch(/antimeridian/);
    const split = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [179, 10],
            [180, 10],
            [180, 11],
            [179, 11],
            [179, 10],
          ],
        ],
        [
          [
            [-180, 10],
            [-179, 10],
            [-179, 11],
            [-180, 11],
            [-180, 10],
          ],
        ],
      ],
    };
    expect(problemOf(split)).toBeNull();
  });
});
