import proj4 from 'proj4';
import type { FootprintPolygon, LonLat } from '../../core/imagery.ts';

/** What a GeoTIFF's tags say about its place on the ground (GeoTIFF 1.1, OGC 19-008r4). */
export interface Georeferencing {
  width: number;
  height: number;
  /** GeoKey name → value, as geotiff.js parses the GeoKeyDirectory. */
  geoKeys: Record<string, unknown> | null;
  tiepoint: number[] | undefined;
  pixelScale: number[] | undefined;
  transformation: number[] | undefined;
}

export type FootprintReading =
  | { footprint: FootprintPolygon; sourceCrs: string; note: null }
  | { footprint: null; sourceCrs: string | null; note: string };

/** Points per raster edge: enough for a UTM scene's curved outline in degrees to stay true. */
const POINTS_PER_EDGE = 8;
const USER_DEFINED = 32767;
const METRE = 9001;
const DEGREE = 9102;

const WGS84_UTM = /^EPSG:(326|327)(0[1-9]|[1-5]\d|60)$/;

/** The proj4 definition of the systems read here; anything else is named, not guessed. */
function projectionOf(crs: string): string | null {
  if (crs === 'EPSG:4326' || crs === 'EPSG:3857') return crs;
  const utm = WGS84_UTM.exec(crs);
  if (!utm) return null;
  const south = utm[1] === '327' ? ' +south' : '';
  return `+proj=utm +zone=${Number(utm[2])}${south} +datum=WGS84 +units=m +no_defs`;
}

function crsOf(keys: Record<string, unknown>): { crs: string | null; note: string | null } {
  const model = keys.GTModelTypeGeoKey;
  const projected = keys.ProjectedCSTypeGeoKey;
  const geographic = keys.GeographicTypeGeoKey;
  const code = model === 1 ? projected : model === 2 ? geographic : (projected ?? geographic);
  if (typeof code !== 'number') {
    return { crs: null, note: 'The file names no coordinate reference system.' };
  }
  if (code === USER_DEFINED) {
    return { crs: null, note: 'The file uses a user-defined coordinate reference system.' };
  }
  const crs = `EPSG:${code}`;
  const units = code === 4326 ? keys.GeogAngularUnitsGeoKey : keys.ProjLinearUnitsGeoKey;
  if (units !== undefined && units !== (code === 4326 ? DEGREE : METRE)) {
    return { crs, note: `The file's ${crs} uses unit ${String(units)}, which is not read.` };
  }
  return { crs, note: null };
}

/** Raster (column, row) → model (x, y), from a tiepoint and scale or a full affine matrix. */
function modelTransform(geo: Georeferencing): ((col: number, row: number) => LonLat) | null {
  const m = geo.transformation;
  if (m && m.length >= 16) {
    const [a, b, , d, e, f, , h] = m as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    return (col, row) => [a * col + b * row + d, e * col + f * row + h];
  }
  const t = geo.tiepoint;
  const s = geo.pixelScale;
  if (t && t.length >= 6 && s && s.length >= 2) {
    const [i, j, , x, y] = t as [number, number, number, number, number];
    const [sx, sy] = s as [number, number];
    return (col, row) => [x + (col - i) * sx, y - (row - j) * sy];
  }
  return null;
}

/** The raster's outline, corner to corner, `POINTS_PER_EDGE` points along each edge. */
function outline(width: number, height: number, offset: number): LonLat[] {
  const points: LonLat[] = [];
  const corners: LonLat[] = [
    [0, 0],
    [width, 0],
    [width, height],
    [0, height],
  ];
  for (let c = 0; c < 4; c++) {
    const [x0, y0] = corners[c]!;
    const [x1, y1] = corners[(c + 1) % 4]!;
    for (let k = 0; k < POINTS_PER_EDGE; k++) {
      const f = k / POINTS_PER_EDGE;
      points.push([x0 + (x1 - x0) * f + offset, y0 + (y1 - y0) * f + offset]);
    }
  }
  return points;
}

/** Twice the signed area in degrees²: positive for a counterclockwise ring (x east, y north). */
function signedArea(ring: LonLat[]): number {
  let sum = 0;
  for (let k = 0; k < ring.length; k++) {
    const [x0, y0] = ring[k]!;
    const [x1, y1] = ring[(k + 1) % ring.length]!;
    sum += x0 * y1 - x1 * y0;
  }
  return sum;
}

const round = (v: number) => Math.round(v * 1e9) / 1e9;

/**
 * The footprint of a georeferenced raster in WGS 84, as RFC 7946 wants it: [lon, lat], the
 * exterior ring counterclockwise and closed. A system that is not read, an outline crossing the
 * antimeridian or a missing transform give no footprint and a note saying why.
 */
export function readFootprint(geo: Georeferencing): FootprintReading {
  if (!geo.geoKeys)
    return { footprint: null, sourceCrs: null, note: 'The file is not georeferenced.' };
  const { crs, note } = crsOf(geo.geoKeys);
  if (note || !crs) return { footprint: null, sourceCrs: crs, note: note ?? 'No system.' };
  const projection = projectionOf(crs);
  if (!projection) {
    return { footprint: null, sourceCrs: crs, note: `The system ${crs} is not one that is read.` };
  }
  const toModel = modelTransform(geo);
  if (!toModel) {
    return { footprint: null, sourceCrs: crs, note: 'The file has no pixel-to-ground transform.' };
  }
  // PixelIsPoint (2) ties model coordinates to pixel centres: the outer edge is half a pixel out.
  const offset = geo.geoKeys.GTRasterTypeGeoKey === 2 ? -0.5 : 0;
  const toWgs84 = proj4(projection, 'EPSG:4326');
  const ring = outline(geo.width, geo.height, offset).map(([col, row]) => {
    const [lon, lat] = toWgs84.forward(toModel(col, row)) as LonLat;
    return [round(lon), round(lat)] as LonLat;
  });
  if (
    ring.some(([lon, lat]) => !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90)
  ) {
    return { footprint: null, sourceCrs: crs, note: `The outline falls outside the ${crs} area.` };
  }
  const lons = ring.map(([lon]) => lon);
  if (Math.max(...lons) - Math.min(...lons) > 180 || lons.some((lon) => Math.abs(lon) > 180)) {
    return { footprint: null, sourceCrs: crs, note: 'The scene crosses the antimeridian.' };
  }
  // Raster order runs clockwise on the ground for north-up images: turn it, from the same corner.
  const ordered = signedArea(ring) < 0 ? [ring[0]!, ...ring.slice(1).reverse()] : ring;
  ordered.push([...ordered[0]!] as LonLat);
  return { footprint: { type: 'Polygon', coordinates: [ordered] }, sourceCrs: crs, note: null };
}
