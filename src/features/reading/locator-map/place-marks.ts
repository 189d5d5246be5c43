import type { Place } from '../../../core/entities.ts';
import type { MapMarks } from './map-geometry.ts';

export type PlaceWithPoint = Place & { latitude: number; longitude: number };

export const hasPoint = (p: Place): p is PlaceWithPoint =>
  p.latitude !== null && p.longitude !== null;

export const hasOutline = (p: Place): boolean => p.footprint !== null && p.footprintSource !== null;

/** How a place is marked: by its sourced outline when it has one, by its point otherwise. */
export function markOf(p: Place): 'outline' | 'point' | null {
  if (hasOutline(p)) return 'outline';
  return hasPoint(p) ? 'point' : null;
}

export function marksOf(p: Place): MapMarks {
  const mark = markOf(p);
  if (mark === 'outline') return { points: [], outlines: [p.footprint!] };
  if (mark === 'point') return { points: [p as PlaceWithPoint], outlines: [] };
  return { points: [], outlines: [] };
}
