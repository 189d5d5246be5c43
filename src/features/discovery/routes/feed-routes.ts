import { type Context, Hono } from 'hono';
import { etag } from 'hono/etag';
import type { AppContext } from '../../../core/app-context.ts';
import type { Locale } from '../../../ui/i18n/locales.ts';
import { atom } from '../feeds/atom.ts';
import { jsonFeed } from '../feeds/json-feed.ts';
import { type FeedScope, loadFeed } from '../feeds/load-feed.ts';
import { rss } from '../feeds/rss.ts';
import { loadScholarlyContext } from '../scholarly-context.ts';

/**
 * RSS, Atom and JSON Feed for the whole site and for each section, person, topic and place, in
 * the folder of the page they follow: /feed.xml, /articles/feed.atom, /people/{slug}/feed.json;
 * the Korean interface's feeds are the same under /ko/ (mounted there with `locale` 'ko').
 * Each revalidates by ETag (a hash of the bytes), so a poller that already has it gets a 304.
 */
const FORMATS = {
  xml: { write: rss, type: 'application/rss+xml; charset=utf-8' },
  atom: { write: atom, type: 'application/atom+xml; charset=utf-8' },
  json: { write: jsonFeed, type: 'application/feed+json; charset=utf-8' },
} as const;

export function feedRoutes(app: AppContext, locale: Locale = 'en'): Hono {
  const feeds = new Hono();
  const serve = async (c: Context, scope: FeedScope, format: keyof typeof FORMATS) => {
    const ctx = await loadScholarlyContext(app.repos, app.config.publicUrl);
    const feed = await loadFeed(app.repos, ctx, scope, app.clock.now(), locale);
    if (!feed) return c.notFound();
    c.header('Cache-Control', 'public, max-age=0, must-revalidate');
    return c.body(FORMATS[format].write(feed), 200, { 'Content-Type': FORMATS[format].type });
  };
  for (const format of Object.keys(FORMATS) as Array<keyof typeof FORMATS>) {
    const file = `feed.${format}`;
    feeds.get(`/${file}`, etag(), (c) => serve(c, { kind: 'site' }, format));
    for (const kind of ['person', 'topic', 'place'] as const) {
      feeds.get(`/${FOLDERS[kind]}/:slug/${file}`, etag(), (c) =>
        serve(c, { kind, slug: c.req.param('slug') }, format),
      );
    }
    feeds.get(`/:section/${file}`, etag(), (c) =>
      serve(c, { kind: 'section', slug: c.req.param('section') }, format),
    );
  }
  return feeds;
}

const FOLDERS = { person: 'people', topic: 'topics', place: 'places' } as const;
