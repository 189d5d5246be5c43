import { geoMercator, geoPath } from 'd3-geo';
import type { MultiPoint } from 'geojson';
import { type BoundingBox, outlineBounds } from '../../../core/geojson.ts';
import { findCountry } from './country-outlines.ts';
import { type DrawnMarks, drawMarks, type MapMarks, neighboursWithin } from './map-geometry.ts';

export interface InsetMapSvg {
  width: number;
  height: number;
  /** The country and its neighbours at this zoom, clipped to the frame, as SVG path data. */
  country: string;
  neighbours: string[];
  /** The surrounding area's own marks (its point or outline), drawn under the place's. */
  around: DrawnMarks;
  place: DrawnMarks;
}

const SIZE = 200;
const PAD = 10;
/** The inset shows at least this many degrees (about 50 km in Korea), so a camp has context. */
const MIN_SPAN = 0.5;
const cache = new Map<string, InsetMapSvg | null>();

function boundsOf(marks: MapMarks): BoundingBox[] {
  return [
    ...marks.points.map((p): BoundingBox => [p.longitude, p.latitude, p.longitude, p.latitude]),
    ...marks.outlines.map(outlineBounds),
  ];
}

/** The frame: every mark, widened to at least MIN_SPAN degrees about its centre. */
function frame(boxes: BoundingBox[]): MultiPoint {
  const west = Math.min(...boxes.map((b) => b[0]));
  const south = Math.min(...boxes.map((b) => b[1]));
  const east = Math.max(...boxes.map((b) => b[2]));
  const north = Math.max(...boxes.map((b) => b[3]));
  const half = Math.max(east - west, north - south, MIN_SPAN) * 0.6;
  const [x, y] = [(west + east) / 2, (south + north) / 2];
  const clamp = (lat: number) => Math.max(-85, Math.min(85, lat));
  return {
    type: 'MultiPoint',
    coordinates: [
      [Math.max(-180, x - half), clamp(y - half)],
      [Math.min(180, x + half), clamp(y + half)],
    ],
  };
}

/**
 * The inset beside the locator map: a zoomed map of the area around the place, framed on the
 * place's mark and the surrounding area's (its province or other parent, when a source gives
 * that a point or an outline), with the country's border at that zoom for bearings.
 */
export function insetMap(
  countryNames: readonly string[],
  place: MapMarks,
  around: MapMarks,
): InsetMapSvg | null {
  const boxes = [...boundsOf(place), ...boundsOf(around)];
  if (boundsOf(place).length === 0) return null;
  const key = JSON.stringify([countryNames, place, around]);
  if (cache.has(key)) return cache.get(key) ?? null;
  const country = findCountry(countryNames);
  let result: InsetMapSvg | null = null;
  if (country) {
    const extent = frame(boxes);
    const projection = geoMercator().fitExtent(
      [
        [PAD, PAD],
        [SIZE - PAD, SIZE - PAD],
      ],
      extent,
    );
    projection.clipExtent([
      [0, 0],
      [SIZE, SIZE],
    ]);
    const path = geoPath(projection).digits(1);
    const [[west, south], [east, north]] = extent.coordinates as [
      [number, number],
      [number, number],
    ];
    result = {
      width: SIZE,
      height: SIZE,
      country: path(country) ?? '',
      neighbours: neighboursWithin(
        path,
        country,
        [
          [west, south],
          [east, north],
        ],
        1,
      ),
      around: drawMarks(projection, around),
      place: drawMarks(projection, place),
    };
  }
  cache.set(key, result);
  return result;
}
