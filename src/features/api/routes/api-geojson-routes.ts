import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppContext } from '../../../core/app-context.ts';
import { featureCollection, GEOJSON_TYPE, placeFeatures } from '../../../core/geojson-features.ts';
import { recordIdFrom } from '../../../core/record-id.ts';
import { visiblePlaces } from '../api-reading.ts';
import { type ApiEnv, ApiProblem } from './api-env.ts';
import { placeFeatureCollectionSchema } from './api-geojson-schemas.ts';
import { problemResponse } from './problem.ts';
import { readFailures } from './route-parts.ts';

const geoJsonResponse = (description: string) => ({
  description,
  content: { [GEOJSON_TYPE]: { schema: placeFeatureCollectionSchema } },
});

const refParam = z.object({
  ref: z
    .string()
    .max(200)
    .openapi({ param: { name: 'ref', in: 'path' }, description: 'The id or the slug.' }),
});

/**
 * The places as GeoJSON (RFC 7946), read under the caller's audience like the places
 * themselves: each place's sourced point and outline, and the whole gazetteer at once.
 */
export function geoJsonRoutes(app: AppContext, api: OpenAPIHono<ApiEnv>): void {
  const now = () => app.clock.now();
  const geoJson = (body: unknown) =>
    new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': GEOJSON_TYPE } });

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/places.geojson',
      tags: ['Places'],
      summary: 'The gazetteer as GeoJSON',
      description:
        'Every place the caller may see that a public source gives a point or an outline, as one FeatureCollection. A place with neither is left out.',
      responses: { 200: geoJsonResponse('The places with a sourced position'), ...readFailures },
    }),
    async (c) => {
      const places = await visiblePlaces(app.repos, c.get('caller').audience, now());
      return geoJson(featureCollection(places.flatMap(placeFeatures))) as never;
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/places/{ref}/map.geojson',
      tags: ['Places'],
      summary: "A place's point and outline as GeoJSON",
      description:
        "A FeatureCollection of the place's sourced point and outline (empty when no source gives either).",
      request: { params: refParam },
      responses: {
        200: geoJsonResponse('The place as GeoJSON'),
        ...readFailures,
        404: problemResponse('No such place, or none with public work'),
      },
    }),
    async (c) => {
      const ref = c.req.valid('param').ref;
      const places = await visiblePlaces(app.repos, c.get('caller').audience, now());
      const id = recordIdFrom(ref);
      const place = places.find((p) => (id !== null ? p.id === id : p.slug === ref));
      if (!place) throw new ApiProblem('not-found', 'No such place.');
      return geoJson(featureCollection(placeFeatures(place))) as never;
    },
  );
}
