import type { BreadcrumbList, Organization, WebSite, WithContext } from 'schema-dts';
import { compact, organization, withContext } from './schema-org.ts';

/**
 * The site itself: a WebSite with its search (a SearchAction whose query fills the
 * `search_term_string` slot of the search URL) and the Organization that publishes it.
 */
export function webSiteJsonLd(site: {
  name: string;
  alternateName: string | null;
  url: string;
  language: string;
  publisher?: { name: string; url: string | null };
}): WithContext<WebSite> {
  return withContext(
    compact<WebSite>({
      '@type': 'WebSite',
      '@id': `${site.url}/#website`,
      name: site.name,
      alternateName: site.alternateName ?? undefined,
      url: `${site.url}/`,
      inLanguage: site.language,
      publisher: site.publisher ? organization(site.publisher) : undefined,
      potentialAction: {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: `${site.url}/search?q={search_term_string}` },
        'query-input': {
          '@type': 'PropertyValueSpecification',
          valueRequired: true,
          valueName: 'search_term_string',
        },
      } as WebSite['potentialAction'],
    }),
  );
}

export function organizationJsonLd(org: {
  name: string;
  url: string | null;
}): WithContext<Organization> {
  return withContext(compact(organization(org)));
}

/** The trail shown above the page, every crumb with its absolute address. */
export function breadcrumbJsonLd(
  crumbs: Array<{ name: string; url: string }>,
): WithContext<BreadcrumbList> {
  return withContext<BreadcrumbList>({
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.name,
      item: c.url,
    })),
  });
}

/**
 * The text of a <script type="application/ld+json"> data block. "<" is written as \u003c so that
 * no value (a title with "</script>" in it) can end the block early; JSON parsers read it back
 * as the same character.
 */
export function jsonLdText(data: object): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
