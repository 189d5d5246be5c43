import { type Context, Hono } from 'hono';
import type { AppContext } from '../../../core/app-context.ts';
import { citeRoutes } from './cite-routes.ts';
import { feedRoutes } from './feed-routes.ts';
import { oaiRoutes } from './oai-routes.ts';
import { sitemapRoutes } from './sitemap-routes.ts';

/**
 * How the archive is found and cited by machines: feeds, sitemaps and robots.txt, citation
 * downloads and OAI-PMH. Mounted before the file routes, whose /{section}/{slug}/{file} pattern
 * would otherwise take …/cite.bib and /people/{slug}/feed.xml for attachments.
 */
export function discoveryRoutes(
  app: AppContext,
  onMissing: (c: Context, status: 404 | 410) => Promise<Response>,
  options: { sitemapSize?: number; oaiPageSize?: number } = {},
): Hono {
  const routes = new Hono();
  routes.route('/', oaiRoutes(app, options.oaiPageSize));
  routes.route('/', sitemapRoutes(app, options.sitemapSize));
  // The Korean feeds first: /ko/feed.xml would otherwise be taken for a section called "ko".
  routes.route('/ko', feedRoutes(app, 'ko'));
  routes.route('/', feedRoutes(app));
  routes.route('/', citeRoutes(app, onMissing));
  return routes;
}
