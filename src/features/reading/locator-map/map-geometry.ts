import { type GeoProjection, geoBounds, geoPath } from 'd3-geo';
import type { Feature, Geometry, Position } from 'geojson';
import { type Outline, outlineBounds, polygonsOf } from '../../../core/geojson.ts';
import { allCountries } from './country-outlines.ts';

export interface MapPoint {
  latitude: number;
  longitude: number;
}

/** What a map marks: positions, and outlines (RFC 7946 winding). */
export interface MapMarks {
  points: readonly MapPoint[];
  outlines: readonly Outline[];
}

/** Marks drawn: outlines as SVG path data, points (and outlines too small to see) as dots. */
export interface DrawnMarks {
  outlines: string[];
  markers: Array<{ x: number; y: number }>;
}

/** An outline narrower than this, in pixels, also gets a dot so that it can be seen at all. */
const VISIBLE = 6;

const tenth = (n: number) => Math.round(n * 10) / 10;

/**
 * A ring with the positions dropped that lie within `tolerance` degrees of the last one kept: a
 * detailed outline draws the same at this scale, and the page stays small whatever its detail.
 */
function thinned(ring: Position[], tolerance: number): Position[] {
  const kept: Position[] = [ring[0]!];
  for (const p of ring.slice(1, -1)) {
    const last = kept[kept.length - 1]!;
    if (Math.hypot(p[0]! - last[0]!, p[1]! - last[1]!) >= tolerance) kept.push(p);
  }
  kept.push(ring[ring.length - 1]!);
  return kept.length >= 4 ? kept : ring;
}

/**
 * The outline as d3-geo draws it, thinned to about a pixel (`tolerance` degrees). d3-geo reads
 * polygons on the sphere with the opposite winding to RFC 7946 (exterior rings clockwise): a
 * counterclockwise ring would be taken for the whole globe but the place.
 */
export function forD3(outline: Outline, tolerance = 0): Outline {
  const reversed = polygonsOf(outline).map((rings) =>
    rings.map((ring) => [...thinned(ring, tolerance)].reverse()),
  );
  return outline.type === 'Polygon'
    ? { type: 'Polygon', coordinates: reversed[0]! }
    : { type: 'MultiPolygon', coordinates: reversed };
}

export function project(
  projection: GeoProjection,
  point: MapPoint,
): { x: number; y: number } | null {
  const projected = projection([point.longitude, point.latitude]);
  return projected ? { x: tenth(projected[0]), y: tenth(projected[1]) } : null;
}

/** Draws the marks in a projection: each point, each outline, and a dot where one would be lost. */
export function drawMarks(projection: GeoProjection, marks: MapMarks): DrawnMarks {
  const path = geoPath(projection).digits(1);
  const outlines: string[] = [];
  const markers: Array<{ x: number; y: number }> = [];
  for (const point of marks.points) {
    const at = project(projection, point);
    if (at) markers.push(at);
  }
  // Degrees per pixel at the equator; Mercator only enlarges them further north and south.
  const pixel = 180 / (Math.PI * projection.scale());
  for (const outline of marks.outlines) {
    const geometry = forD3(outline, pixel / 2);
    const [[x0, y0], [x1, y1]] = path.bounds(geometry);
    const d = path(geometry);
    if (d) outlines.push(d);
    if (!d || Math.max(x1 - x0, y1 - y0) < VISIBLE) {
      const [west, south, east, north] = outlineBounds(outline);
      const centre = project(projection, {
        longitude: (west + east) / 2,
        latitude: (south + north) / 2,
      });
      if (centre) markers.push(centre);
    }
  }
  return { outlines, markers };
}

/** The other countries whose outlines come within `margin` degrees of the box. */
export function neighboursWithin(
  path: (f: Feature<Geometry>) => string | null,
  exclude: Feature<Geometry>,
  [[west, south], [east, north]]: [[number, number], [number, number]],
  margin: number,
): string[] {
  return allCountries()
    .filter((c) => c !== exclude)
    .filter((c) => {
      const [[w, s], [e, n]] = geoBounds(c);
      return w < east + margin && e > west - margin && s < north + margin && n > south - margin;
    })
    .map((c) => path(c) ?? '')
    .filter((d) => d.length > 0);
}
