import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * Country outlines from Natural Earth (1:50m, public domain) as packaged by world-atlas. No
 * province boundaries with a usable licence exist on npm, so maps stop at countries.
 */
const require = createRequire(import.meta.url);
let countries: Array<Feature<Geometry, { name: string }>> | undefined;

function load(): Array<Feature<Geometry, { name: string }>> {
  if (!countries) {
    const topology = require('world-atlas/countries-50m.json') as Topology<{
      countries: GeometryCollection<{ name: string }>;
    }>;
    const collection = feature(topology, topology.objects.countries) as FeatureCollection<
      Geometry,
      { name: string }
    >;
    countries = collection.features;
  }
  return countries;
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/** The outline of the country called by any of these names ("North Korea", "DPRK", …). */
export function findCountry(names: readonly string[]): Feature<Geometry, { name: string }> | null {
  const wanted = new Set(names.map(fold));
  return load().find((c) => wanted.has(fold(c.properties.name))) ?? null;
}

export function allCountries(): Array<Feature<Geometry, { name: string }>> {
  return load();
}
