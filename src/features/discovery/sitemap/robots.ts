/**
 * robots.txt: everything public may be crawled except the back office and search results (an
 * endless space of pages that says nothing the listings do not; matched with "?" so that a section
 * whose slug merely starts with "search" stays crawlable). The sitemap index is named with its
 * absolute address, as the protocol asks.
 */
export function robotsTxt(publicUrl: string): string {
  return [
    'User-agent: *',
    'Disallow: /admin/',
    'Disallow: /search?',
    'Disallow: /ko/search?',
    'Allow: /',
    '',
    `Sitemap: ${publicUrl}/sitemap.xml`,
    '',
  ].join('\n');
}
