import * as cheerio from 'cheerio';
import type { Hono } from 'hono';

export interface Crawled {
  path: string;
  status: number;
  type: string;
  headers: Headers;
  body: string;
}

const SEARCH = /^\/(?:ko\/)?search(?:\/|\?|$)|^\/api\/v1\/search/;

export const isSearchPath = (path: string) => SEARCH.test(path);

/**
 * Requests each start path as an anonymous reader and, with `follow`, every same-site link
 * found on the way (the back office and preview links aside). Links out of search pages are not
 * followed: their facets would multiply the requests, and the page itself already shows them.
 */
export async function crawlAnonymously(
  app: Hono,
  origin: string,
  starts: string[],
  options: { follow: boolean; limit: number },
): Promise<Crawled[]> {
  const seen = new Set<string>();
  const queue = [...starts];
  const out: Crawled[] = [];
  while (queue.length > 0 && out.length < options.limit) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const res = await app.request(`http://localhost${path}`);
    const type = res.headers.get('content-type') ?? '';
    const body = /pdf|image|octet-stream|wasm/.test(type) ? '' : await res.text();
    out.push({ path, status: res.status, type, headers: res.headers, body });
    if (!options.follow) continue;
    const location = res.headers.get('location');
    if (location) queue.push(toPath(location, origin, path) ?? path);
    if (!/html|xml|json/.test(type) || isSearchPath(path)) continue;
    for (const link of linksIn(body, type)) {
      const next = toPath(link, origin, path);
      if (next && !seen.has(next) && !/^\/(?:ko\/)?(?:admin|preview)(?:\/|$)/.test(next)) {
        queue.push(next);
      }
    }
  }
  return out;
}

function linksIn(body: string, type: string): string[] {
  if (type.includes('html')) {
    const $ = cheerio.load(body);
    return $('a[href], link[href]')
      .map((_, el) => $(el).attr('href')!)
      .get();
  }
  // Feeds, sitemaps, OAI and JSON carry their links as text.
  return [...body.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((m) => m[0].replace(/&amp;/g, '&'));
}

function toPath(link: string, origin: string, from: string): string | null {
  try {
    const url = new URL(link, `${origin}${from}`);
    if (url.origin !== origin && url.origin !== 'http://localhost') return null;
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
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
