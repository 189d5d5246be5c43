import { element, XML_DECLARATION } from '../xml.ts';

/**
 * Sitemaps (sitemaps.org protocol 0.9): an index over files of at most 50,000 URLs each, every
 * URL with its last modification. A test validates both against ../shared/validators/xsd/sitemap.xsd.
 */
export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
export const MAX_URLS_PER_SITEMAP = 50_000;

export interface SitemapUrl {
  loc: string;
  /** An ISO-8601 UTC instant or day. */
  lastmod: string | null;
}

export function urlSet(urls: SitemapUrl[]): string {
  const body = urls.map(
    (u) =>
      `<url>${element('loc', u.loc)}${element('lastmod', u.lastmod ? w3cDate(u.lastmod) : null)}</url>`,
  );
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}">\n${body.join('\n')}\n</urlset>\n`;
}

export function sitemapIndex(sitemaps: SitemapUrl[]): string {
  const body = sitemaps.map(
    (s) =>
      `<sitemap>${element('loc', s.loc)}${element('lastmod', s.lastmod ? w3cDate(s.lastmod) : null)}</sitemap>`,
  );
  return `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${body.join('\n')}\n</sitemapindex>\n`;
}

/** W3C datetime to the second ("2016-07-25T00:00:00Z"); the milliseconds say nothing to a crawler. */
function w3cDate(iso: string): string {
  return iso.length === 10 ? iso : `${iso.slice(0, 19)}Z`;
}

/** Splits a list into chunks of at most `size`; an empty list is one empty chunk. */
export function chunks<T>(items: T[], size = MAX_URLS_PER_SITEMAP): T[][] {
  if (items.length === 0) return [[]];
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The newest of some instants, or null. ISO-8601 UTC text sorts as time does. */
export function newest(instants: Array<string | null | undefined>): string | null {
  let best: string | null = null;
  for (const i of instants) if (i && (best === null || i > best)) best = i;
  return best;
}
