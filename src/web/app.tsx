import { type Context, Hono } from 'hono';
import { etag } from 'hono/etag';
import type { AppContext } from '../core/app-context.ts';
import { siteLocation } from '../core/site-path.ts';
import { apiApp } from '../features/api/routes/api-app.ts';
import { discoveryRoutes } from '../features/discovery/routes/discovery-routes.ts';
import { scholarlyExtras } from '../features/discovery/views/publication-scholarly.tsx';
import { previewRoutes } from '../features/publishing/routes/preview-routes.tsx';
import { fileRoutes } from '../features/reading/routes/file-routes.ts';
import { geoJsonRoutes } from '../features/reading/routes/geojson-routes.ts';
import { iiifRoutes } from '../features/reading/routes/iiif-routes.tsx';
import { imageRoutes } from '../features/reading/routes/image-routes.ts';
import { publicRoutes } from '../features/reading/routes/public-routes.tsx';
import { pageContext } from '../features/reading/routes/reading-context.ts';
import { identityRoutes } from '../features/reading/settings/identity-routes.ts';
import { findPublicRedirect } from '../features/redirects/index.ts';
import { statusOf } from '../ui/error-status.ts';
import { ErrorPage } from '../ui/pages/error-page.tsx';
import { renderPage } from '../ui/render-page.ts';
import { adminApp } from './admin/admin-app.ts';
import { assetRoutes } from './asset-routes.ts';
import { healthRoutes } from './health.ts';
import { clientAddressOf } from './middleware/client-address.ts';
import { pathGuard } from './middleware/path-guard.ts';
import { replicaReads } from './middleware/replica-reads.ts';
import { requestId } from './middleware/request-id.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { renderCache } from './render-cache/render-cache-middleware.ts';

/** Builds the whole HTTP application from a context. Tests call `app.request()` on it. */
export function createApp(ctx: AppContext): Hono {
  const app = new Hono();
  app.use('*', requestId());
  // Anonymous pages from memory, before any other work: `ctx.renderCache`, which the composition
  // root starts for a server (src/context.ts); without it, only compression.
  app.use('*', renderCache(ctx));
  app.use('*', securityHeaders());
  app.use('*', clientAddressOf(ctx.config.trustedProxies));
  // With read replicas, an anonymous reader's reads may come from one that has caught up.
  if (ctx.db.reads.replicaCount > 0) app.use('*', replicaReads(ctx.db.reads));
  // A path that can name nothing (control characters, bad escapes, '//host') stops here; the
  // page does not echo it, so its links stay on this site.
  app.use(
    '*',
    pathGuard(async (c) => {
      const page = { ...(await pageContext(ctx, c)), path: '/' };
      return renderPage(c, <ErrorPage ctx={page} status={404} />, 404);
    }),
  );
  // The JSON API answers every /api/v1 path itself, with problems rather than pages.
  app.route('/', apiApp(ctx));
  app.route('/', healthRoutes(ctx));
  app.route('/', assetRoutes());
  app.route('/', adminApp(ctx));
  app.route('/', previewRoutes(ctx));

  const missing = async (c: Context, status: 404 | 410) =>
    renderPage(c, <ErrorPage ctx={await pageContext(ctx, c)} status={404} />, status);
  // Feeds, sitemaps, citation downloads and OAI-PMH come first: the file routes' pattern
  // /{section}/{slug}/{file} would otherwise take …/cite.bib and /people/{slug}/feed.xml.
  app.route('/', discoveryRoutes(ctx, missing));
  // Images and the site's identity files before the file routes, whose pattern would take them.
  app.route('/', imageRoutes(ctx, missing));
  app.route('/', iiifRoutes(ctx));
  app.route('/', identityRoutes(ctx, missing));
  // /places/{slug}/map.geojson too, before the file routes' /{section}/{slug}/{file}.
  app.route('/', geoJsonRoutes(ctx, missing));
  app.route('/', fileRoutes(ctx, missing));

  // Anonymous pages revalidate cheaply: the ETag is a hash of the rendered bytes.
  app.use('*', etag());
  // A publication's page carries discovery's citation tags and Cite block; reading, which
  // discovery reads from, is handed them here rather than importing them.
  const extras = scholarlyExtras(ctx);
  app.route('/', publicRoutes(ctx, '/ko', extras));
  app.route('/', publicRoutes(ctx, '', extras));

  app.notFound(async (c) => {
    const path = c.req.path;
    const redirect = await findPublicRedirect(ctx.repos, path, ctx.clock.now()).catch(
      () => undefined,
    );
    // Every Location is percent-encoded UTF-8 and stays on this site, or there is none.
    const target = redirect ? siteLocation(redirect.toPath) : null;
    if (redirect && target) return c.redirect(target, redirect.statusCode as 301);
    // '/reports' and '/reports/slug' mean the folder: send readers to the canonical URL.
    if (c.req.method === 'GET' && !path.endsWith('/') && !/\.[^/]*$/.test(path)) {
      const folder = siteLocation(`${path}/${new URL(c.req.url).search}`);
      if (folder) return c.redirect(folder, 301);
    }
    return missing(c, 404);
  });

  app.onError(async (error, c) => {
    const status = statusOf(error);
    const id = c.get('requestId');
    if (status === 500) console.error(`[${id}] ${c.req.method} ${c.req.path}`, error);
    try {
      const page = (
        <ErrorPage
          ctx={await pageContext(ctx, c)}
          status={status === 404 ? 404 : 500}
          requestId={status === 500 ? id : undefined}
        />
      );
      return renderPage(c, page, status === 404 ? 404 : 500);
    } catch {
      // The page frame itself needs the database; without it, plain text still names the request.
      return c.text(`Something went wrong on our side. Request id: ${id}`, 500);
    }
  });
  return app;
}
