/**
 * The dependency keys cached pages are filed under, and that changes name to drop them: what a
 * page shows (features/reading/loaders/page-dependencies.ts) and what a change touched
 * (src/infra/render-cache/) meet in these words.
 */

/** Invalidating this key empties the whole cache (settings, sections, navigation). */
export const ALL = 'all';
/** Every listing-like page: home, sections, people, topics, places, years, feeds, sitemaps. */
export const LISTINGS = 'list';
/**
 * The listing-like pages that are not one collection's listing (home, indexes, feeds,
 * sitemaps): any publication's change can alter them.
 */
export const ANY_PUBLICATION = 'any-pub';

/** What one listing collects: a section, a person, a topic, a place (with those inside it), a year. */
export type ListingKind = 'section' | 'person' | 'topic' | 'place' | 'year';

/** The key every page of one listing depends on, whatever its page number or language. */
export const listingKey = (kind: ListingKind, id: number) => `in:${kind}:${id}`;
