import { Hono } from 'hono';
import { etag } from 'hono/etag';
import type { AppContext } from '../../../core/app-context.ts';
import { planSitemaps } from '../sitemap/load-sitemap.ts';
import { robotsTxt } from '../sitemap/robots.ts';
import { newest, sitemapIndex, urlSet } from '../sitemap/sitemap-xml.ts';

const XML = 'application/xml; charset=utf-8';

/**
 * /sitemap.xml is always an index, over /sitemap-1.xml, /sitemap-2.xml… of at most `perFile` URLs
 * each (50,000, the protocol's limit; tests pass fewer), and /robots.txt names it.
 */
export function sitemapRoutes(app: AppContext, perFile?: number): Hono {
  const routes = new Hono();
  const plan = () => planSitemaps(app.repos, app.config.publicUrl, app.clock.now(), perFile);
  routes.get('/robots.txt', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.text(robotsTxt(app.config.publicUrl));
  });
  routes.get('/sitemap.xml', etag(), async (c) => {
    const { files } = await plan();
    const entries = files.map((urls, i) => ({
      loc: `${app.config.publicUrl}/sitemap-${i + 1}.xml`,
      lastmod: newest(urls.map((u) => u.lastmod)),
    }));
    c.header('Cache-Control', 'public, max-age=0, must-revalidate');
    return c.body(sitemapIndex(entries), 200, { 'Content-Type': XML });
  });
  routes.get('/:file{sitemap-[1-9][0-9]{0,5}\\.xml}', etag(), async (c) => {
    const n = Number(c.req.param('file').slice('sitemap-'.length, -'.xml'.length));
    const { files } = await plan();
    const urls = files[n - 1];
    if (!urls) return c.notFound();
    c.header('Cache-Control', 'public, max-age=0, must-revalidate');
    return c.body(urlSet(urls), 200, { 'Content-Type': XML });
  });
  return routes;
}
