import * as cheerio from 'cheerio';

export interface Crawled {
  path: string;
  status: number;
  type: string;
  headers: Headers;
  body: string;
}

export interface CrawlOptions {
  limit?: number;
  /** False: request the start paths only. */
  follow?: boolean;
  /** Pages whose links are not followed (a search page's facets would multiply the requests). */
  leaf?: (path: string) => boolean;
  /**
   * Also follow the addresses of images (`img src`, `srcset`) and keep each image's bytes as
   * Latin-1 text, so that what an image carries (metadata, say) can be searched like a page.
   */
  media?: boolean;
}

/** The index pages a reader starts from: the home page in both languages, and the lists of names. */
export const INDEX_PAGES = [
  '/',
  '/ko/',
  '/people/',
  '/topics/',
  '/places/',
  '/years/',
  '/ko/people/',
];

/**
 * Follows every same-site link from the start paths, breadth first, and returns each response:
 * the whole public site as a reader or a harvester could reach it. The back office and preview
 * links are never followed.
 */
export async function crawl(
  app: { request: (url: string) => Response | Promise<Response> },
  starts: string[],
  origin: string,
  { limit = 400, follow = true, leaf = () => false, media = false }: CrawlOptions = {},
): Promise<Crawled[]> {
  const seen = new Set<string>();
  const queue = [...starts];
  const out: Crawled[] = [];
  while (queue.length > 0 && out.length < limit) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const res = await app.request(`http://localhost${path}`);
    const type = res.headers.get('content-type') ?? '';
    const body = /pdf|image/.test(type)
      ? media && type.startsWith('image/')
        ? Buffer.from(await res.arrayBuffer()).toString('latin1')
        : ''
      : await res.text();
    out.push({ path, status: res.status, type, headers: res.headers, body });
    if (!follow) continue;
    const location = res.headers.get('location');
    if (location) queue.push(toPath(location, origin, path) ?? path);
    if (!/html|xml|json/.test(type) || leaf(path)) continue;
    for (const link of linksIn(body, type, media)) {
      const next = toPath(link, origin, path);
      if (next && !seen.has(next) && !/^\/(?:ko\/)?(?:admin|preview)(?:\/|$)/.test(next)) {
        queue.push(next);
      }
    }
  }
  return out;
}

function linksIn(body: string, type: string, media: boolean): string[] {
  if (type.includes('html')) {
    const $ = cheerio.load(body);
    const links = $('a[href], link[href]')
      .map((_, el) => $(el).attr('href')!)
      .get();
    if (!media) return links;
    const sources = $('img[src]')
      .map((_, el) => $(el).attr('src')!)
      .get();
    // "a.avif 480w, b.avif 960w": each candidate's address.
    const candidates = $('img[srcset], source[srcset]')
      .map((_, el) => $(el).attr('srcset')!.split(','))
      .get()
      .map((c) => c.trim().split(/\s+/)[0] ?? '')
      .filter(Boolean);
    return [...links, ...sources, ...candidates];
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
