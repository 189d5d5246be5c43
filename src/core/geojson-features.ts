import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Place } from './entities.ts';
import { preferredName } from './place-name.ts';

/** What each served Feature says of its place. */
export interface PlaceFeatureProperties {
  slug: string;
  kind: string;
  /** The name English pages lead with. */
  name: string;
  /** One name per language tag (en, ko, ko-Latn…): the preferred one, else the first. */
  names: Record<string, string>;
  /** 'point' for the coordinates, 'outline' for the footprint. */
  mark: 'point' | 'outline';
  /** The public source of this geometry. */
  source: string;
}

export type PlaceFeature = Feature<Geometry, PlaceFeatureProperties>;

/** RFC 7946 §11.2 and §3.1.1: about ten centimetres, beyond any source a gazetteer cites. */
const DECIMALS = 6;
const round = (n: number) => Number(n.toFixed(DECIMALS));

function namesByLanguage(place: Place): Record<string, string> {
  const names: Record<string, string> = {};
  for (const n of [...place.names].sort((a, b) => Number(b.preferred) - Number(a.preferred))) {
    names[n.language] ??= n.name;
  }
  return names;
}

/**
 * A place as GeoJSON Features: its point and its outline, each only with the public source that
 * gives it. A place with neither has no Feature: no position is served that no source gives.
 */
export function placeFeatures(place: Place): PlaceFeature[] {
  const base = {
    slug: place.slug,
    kind: place.kind,
    name: preferredName(place.names),
    names: namesByLanguage(place),
  };
  const features: PlaceFeature[] = [];
  if (place.latitude !== null && place.longitude !== null && place.coordinatesSource) {
    features.push({
      type: 'Feature',
      id: `${place.slug}#point`,
      geometry: { type: 'Point', coordinates: [round(place.longitude), round(place.latitude)] },
      properties: { ...base, mark: 'point', source: place.coordinatesSource },
    });
  }
  if (place.footprint && place.footprintSource) {
    features.push({
      type: 'Feature',
      id: `${place.slug}#outline`,
      geometry: place.footprint,
      properties: { ...base, mark: 'outline', source: place.footprintSource },
    });
  }
  return features;
}

export function featureCollection(
  features: PlaceFeature[],
): FeatureCollection<Geometry, PlaceFeatureProperties> {
  return { type: 'FeatureCollection', features };
}

/** RFC 7946 §12: the media type of GeoJSON. */
export const GEOJSON_TYPE = 'application/geo+json';
