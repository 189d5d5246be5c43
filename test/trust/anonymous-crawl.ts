import * as cheerio from 'cheerio';
import type { Hono } from 'hono';
import { type Crawled, crawl } from '../support/crawl.ts';

export type { Crawled };

const SEARCH = /^\/(?:ko\/)?search(?:\/|\?|$)|^\/api\/v1\/search/;

export const isSearchPath = (path: string) => SEARCH.test(path);

/**
 * Requests each start path as an anonymous reader and, with `follow`, every same-site link
 * found on the way, images included (their bytes are read too). Links out of search pages are
 * not followed: their facets would multiply the requests, and the page itself already shows them.
 */
export function crawlAnonymously(
  app: Hono,
  origin: string,
  starts: string[],
  options: { follow: boolean; limit: number },
): Promise<Crawled[]> {
  return crawl(app, starts, origin, { ...options, leaf: isSearchPath, media: true });
}

/**
 * What a response tells about the archive. A search page repeats the reader's own query in its
 * title and form; only its results, counts, facets and suggestion come from the archive. The
 * API's search answers with the query it searched. Redirects and links tell where they lead.
 */
export function revealed(page: Crawled): string {
  const headers = ['location', 'link'].map((h) => page.headers.get(h) ?? '').join(' ');
  if (page.path.startsWith('/api/v1/search') && page.type.includes('json')) {
    try {
      const { query: _echo, ...rest } = JSON.parse(page.body) as Record<string, unknown>;
      return `${headers} ${JSON.stringify(rest)}`;
    } catch {
      return `${headers} ${page.body}`;
    }
  }
  if (!isSearchPath(page.path) || !page.type.includes('html')) return `${headers} ${page.body}`;
  const $ = cheerio.load(page.body);
  return `${headers} ${$('.results, .facets, .suggestion, .flash').text()}`;
}
