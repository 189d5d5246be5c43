import type { MultiPolygon, Polygon, Position } from 'geojson';

/** A place's outline: a GeoJSON Polygon or MultiPolygon in WGS 84 (RFC 7946). */
export type Outline = Polygon | MultiPolygon;

export type OutlineReading = { ok: true; outline: Outline } | { ok: false; problem: string };

/** [west, south, east, north] in degrees, as RFC 7946 §5 orders a bounding box. */
export type BoundingBox = [number, number, number, number];

const refuse = (problem: string): OutlineReading => ({ ok: false, problem });

/** Far more than any source's outline of a camp or a province needs; it bounds every page. */
export const MAX_POSITIONS = 20_000;

/**
 * Reads an outline an editor pasted: a Polygon or MultiPolygon geometry, or a Feature holding
 * one (what most drawing tools export). It must keep RFC 7946's rules: positions in WGS 84
 * degrees, every ring closed with at least four positions, no ring without area, and no edge
 * crossing the antimeridian. Such a polygon is refused rather than split: RFC 7946 §3.1.9 asks
 * the writer to cut it at 180°, and the editor holding the source is the one who can check
 * the two halves. What is read is normalized (see `normalizeOutline`).
 */
export function readOutline(value: unknown): OutlineReading {
  const geometry = isObject(value) && value.type === 'Feature' ? value.geometry : value;
  if (!isObject(geometry) || typeof geometry.type !== 'string') {
    return refuse('An outline is a GeoJSON Polygon or MultiPolygon geometry');
  }
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    return refuse(`An outline is a GeoJSON Polygon or MultiPolygon, not a ${geometry.type}`);
  }
  const polygons =
    geometry.type === 'Polygon' ? [geometry.coordinates] : (geometry.coordinates as unknown);
  if (!Array.isArray(polygons) || polygons.length === 0) {
    return refuse(`The ${geometry.type} has no coordinates`);
  }
  const read: Position[][][] = [];
  for (const polygon of polygons) {
    const rings = readPolygon(polygon);
    if (typeof rings === 'string') return refuse(rings);
    read.push(rings);
  }
  if (read.flat(2).length > MAX_POSITIONS) {
    return refuse(`An outline may have at most ${MAX_POSITIONS} positions: simplify it`);
  }
  const outline: Outline =
    geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: read[0]! }
      : { type: 'MultiPolygon', coordinates: read };
  return { ok: true, outline: normalizeOutline(outline) };
}

function readPolygon(value: unknown): Position[][] | string {
  if (!Array.isArray(value) || value.length === 0) return 'A polygon needs at least one ring';
  const rings: Position[][] = [];
  for (const ring of value) {
    const read = readRing(ring);
    if (typeof read === 'string') return read;
    rings.push(read);
  }
  return rings;
}

function readRing(value: unknown): Position[] | string {
  if (!Array.isArray(value)) return 'A ring is a list of positions';
  const ring: Position[] = [];
  for (const position of value) {
    const read = readPosition(position);
    if (typeof read === 'string') return read;
    ring.push(read);
  }
  if (ring.length < 4) return 'A ring needs at least 4 positions (the last repeats the first)';
  if (!samePosition(ring[0]!, ring[ring.length - 1]!)) {
    return 'A ring must be closed: its last position repeats its first';
  }
  if (crossesAntimeridian(ring)) {
    return 'The outline crosses the antimeridian (180°): split it there into a MultiPolygon';
  }
  if (signedArea(ring) === 0) return 'A ring must enclose an area';
  return ring;
}

function readPosition(value: unknown): Position | string {
  if (
    !Array.isArray(value) ||
    value.length < 2 ||
    value.length > 3 ||
    !value.every((n) => typeof n === 'number' && Number.isFinite(n))
  ) {
    return 'A position is [longitude, latitude] in decimal degrees';
  }
  const [longitude, latitude] = value as number[];
  if (longitude! < -180 || longitude! > 180) {
    return `Longitude ${longitude} is outside WGS 84's range (-180 to 180)`;
  }
  if (latitude! < -90 || latitude! > 90) {
    return `Latitude ${latitude} is outside WGS 84's range (-90 to 90)`;
  }
  return [...(value as number[])];
}

/**
 * An edge spanning more than half the globe in longitude is read, as RFC 7946 §3.1.9 reads it,
 * as one that wraps across 180°.
 */
export function crossesAntimeridian(ring: readonly Position[]): boolean {
  for (let i = 1; i < ring.length; i++) {
    if (Math.abs(ring[i]![0]! - ring[i - 1]![0]!) > 180) return true;
  }
  return false;
}

/** Twice the ring's area in square degrees: positive when it runs counterclockwise. */
export function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    const [x0, y0] = ring[i - 1]!;
    const [x1, y1] = ring[i]!;
    sum += x0! * y1! - x1! * y0!;
  }
  return sum;
}

/**
 * The right-hand rule of RFC 7946 §3.1.6: exterior rings counterclockwise, holes clockwise.
 * Positions are kept; only the order of a ring that runs the wrong way is reversed.
 */
export function normalizeOutline(outline: Outline): Outline {
  if (outline.type === 'Polygon') {
    return { type: 'Polygon', coordinates: rewindPolygon(outline.coordinates) };
  }
  return { type: 'MultiPolygon', coordinates: outline.coordinates.map(rewindPolygon) };
}

function rewindPolygon(rings: Position[][]): Position[][] {
  return rings.map((ring, i) => {
    const counterclockwise = signedArea(ring) > 0;
    const wanted = i === 0;
    return counterclockwise === wanted ? ring.map((p) => [...p]) : [...ring].reverse();
  });
}

/** The polygons of an outline, each as its rings. */
export function polygonsOf(outline: Outline): Position[][][] {
  return outline.type === 'Polygon' ? [outline.coordinates] : outline.coordinates;
}

/** The smallest box holding every position of the outline. */
export function outlineBounds(outline: Outline): BoundingBox {
  let [west, south, east, north] = [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  for (const polygon of polygonsOf(outline)) {
    for (const [longitude, latitude] of polygon.flat()) {
      west = Math.min(west, longitude!);
      east = Math.max(east, longitude!);
      south = Math.min(south, latitude!);
      north = Math.max(north, latitude!);
    }
  }
  return [west, south, east, north];
}

/** The stored form: the geometry alone, as compact JSON. */
export function outlineText(outline: Outline): string {
  return JSON.stringify({ type: outline.type, coordinates: outline.coordinates });
}

/**
 * Reads a stored outline back. It was checked and normalized when saved, so this is only parsed
 * (every place list reads it); text that is not an outline is treated as no outline.
 */
export function outlineFromText(text: string | null): Outline | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) &&
      (value.type === 'Polygon' || value.type === 'MultiPolygon') &&
      Array.isArray(value.coordinates)
      ? (value as unknown as Outline)
      : null;
  } catch {
    return null;
  }
}

function samePosition(a: Position, b: Position): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
