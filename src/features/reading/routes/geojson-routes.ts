import { type Context, Hono } from 'hono';
import { etag } from 'hono/etag';
import type { AppContext } from '../../../core/app-context.ts';
import { GEOJSON_TYPE } from '../../../core/geojson-features.ts';
import { loadGazetteerGeoJson, loadPlaceGeoJson } from '../loaders/place-geojson.ts';

const PLACE_MAP = '/places/:slug/map.geojson';
const GAZETTEER = '/places.geojson';

/**
 * The places as GeoJSON (RFC 7946): `/places/{slug}/map.geojson` for one place and
 * `/places.geojson` for the whole public gazetteer. Names by language are in each Feature's
 * properties, so there is no Korean copy under /ko/. Revalidated on every use, like the pages.
 */
export function geoJsonRoutes(
  app: AppContext,
  onMissing: (c: Context, status: 404) => Promise<Response>,
): Hono {
  const routes = new Hono();
  const reply = (c: Context, body: unknown) =>
    c.body(JSON.stringify(body), 200, {
      'Content-Type': GEOJSON_TYPE,
      'Cache-Control': 'public, max-age=0, must-revalidate',
    });
  routes.use(PLACE_MAP, etag());
  routes.use(GAZETTEER, etag());
  routes.get(PLACE_MAP, async (c) => {
    const map = await loadPlaceGeoJson(app.repos, c.req.param('slug'), app.clock.now());
    return map ? reply(c, map) : onMissing(c, 404);
  });
  routes.get(GAZETTEER, async (c) =>
    reply(c, await loadGazetteerGeoJson(app.repos, app.clock.now())),
  );
  return routes;
}
