import type { FeatureCollection, Geometry } from 'geojson';
import {
  featureCollection,
  type PlaceFeatureProperties,
  placeFeatures,
} from '../../../core/geojson-features.ts';
import type { ReadingRepos } from './entries.ts';
import { placesWithPublicWork } from './listings.ts';

type PlaceCollection = FeatureCollection<Geometry, PlaceFeatureProperties>;

/**
 * One place's point and outline, or null when the public may not see the place: the rule of its
 * page, which a place with no public work at it or inside it does not have.
 */
export async function loadPlaceGeoJson(
  repos: ReadingRepos,
  slug: string,
  now: Date,
): Promise<PlaceCollection | null> {
  const place = await repos.places.findBySlug(slug);
  if (!place) return null;
  if ((await placesWithPublicWork(repos, [place], now)).length === 0) return null;
  return featureCollection(placeFeatures(place));
}

/** The public gazetteer: every place the public may see that a source gives a position. */
export async function loadGazetteerGeoJson(
  repos: ReadingRepos,
  now: Date,
): Promise<PlaceCollection> {
  const sourced = (await repos.places.list()).filter((p) => placeFeatures(p).length > 0);
  const visible = await placesWithPublicWork(repos, sourced, now);
  return featureCollection(visible.flatMap(placeFeatures));
}
