import { geoBounds, geoMercator, geoPath } from 'd3-geo';
import { allCountries, findCountry } from './country-outlines.ts';

export interface MapPoint {
  latitude: number;
  longitude: number;
}

export interface LocatorMapSvg {
  width: number;
  height: number;
  /** The country's outline, and its neighbours inside the frame, as SVG path data. */
  country: string;
  neighbours: string[];
  /** Where each point is drawn, in the order given. */
  markers: Array<{ x: number; y: number }>;
}

const SIZE = 280;
const PAD = 14;
const cache = new Map<string, LocatorMapSvg | null>();

/**
 * A small locator map computed on the server: a Mercator projection fitted to the country,
 * neighbours clipped to the frame, and the given points marked. No tiles, no script, no third
 * party. Only points are marked: the outline data holds countries, not provinces.
 */
export function locatorMap(
  countryNames: readonly string[],
  points: readonly MapPoint[],
): LocatorMapSvg | null {
  const key = `${countryNames.join('|')}@${points.map((p) => `${p.latitude},${p.longitude}`).join(';')}`;
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
    const [[west, south], [east, north]] = geoBounds(country);
    const neighbours = allCountries()
      .filter((c) => c !== country)
      .filter((c) => {
        const [[w, s], [e, n]] = geoBounds(c);
        return w < east + 5 && e > west - 5 && s < north + 5 && n > south - 5;
      })
      .map((c) => path(c) ?? '')
      .filter((d) => d.length > 0);
    const markers = points.flatMap((point) => {
      const projected = projection([point.longitude, point.latitude]);
      return projected
        ? [{ x: Math.round(projected[0] * 10) / 10, y: Math.round(projected[1] * 10) / 10 }]
        : [];
    });
    result = {
      width: SIZE,
      height: SIZE,
      country: path(country) ?? '',
      neighbours,
      markers,
    };
  }
  cache.set(key, result);
  return result;
}
