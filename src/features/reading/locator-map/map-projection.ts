import { geoBounds, geoMercator, geoPath } from 'd3-geo';
import type { Outline } from '../../../core/geojson.ts';
import { findCountry } from './country-outlines.ts';
import { drawMarks, type MapPoint, neighboursWithin } from './map-geometry.ts';

export type { MapPoint } from './map-geometry.ts';

export interface LocatorMapSvg {
  width: number;
  height: number;
  /** The country's outline, and its neighbours inside the frame, as SVG path data. */
  country: string;
  neighbours: string[];
  /** Where each point is drawn, in the order given, then a dot for each outline too small. */
  markers: Array<{ x: number; y: number }>;
  /** The outlines marked, as SVG path data. */
  outlines: string[];
}

const SIZE = 280;
const PAD = 14;
const cache = new Map<string, LocatorMapSvg | null>();

/**
 * A small locator map computed on the server: a Mercator projection fitted to the country,
 * neighbours clipped to the frame, and the given points and outlines marked. No tiles, no
 * script, no third party. The country outlines stop at countries (see country-outlines.ts):
 * anything smaller is drawn only from an outline a source gives.
 */
export function locatorMap(
  countryNames: readonly string[],
  points: readonly MapPoint[],
  outlines: readonly Outline[] = [],
): LocatorMapSvg | null {
  const key = JSON.stringify([countryNames, points, outlines]);
  if (cache.has(key)) return cache.get(key) ?? null;
  const country = findCountry(countryNames);
  let result: LocatorMapSvg | null = null;
  if (country) {
    const projection = geoMercator().fitExtent(
      [
        [PAD, PAD],
        [SIZE - PAD, SIZE - PAD],
      ],
      country,
    );
    projection.clipExtent([
      [0, 0],
      [SIZE, SIZE],
    ]);
    const path = geoPath(projection).digits(1);
    const marks = drawMarks(projection, { points, outlines });
    result = {
      width: SIZE,
      height: SIZE,
      country: path(country) ?? '',
      neighbours: neighboursWithin(path, country, geoBounds(country), 5),
      ...marks,
    };
  }
  cache.set(key, result);
  return result;
}
