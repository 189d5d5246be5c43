import {
  ANY_PUBLICATION,
  LISTINGS,
  type ListingKind,
  listingKey,
} from '../../../core/cache-keys.ts';
import type { Repositories } from '../../../core/repositories.ts';

type PageRepos = Pick<
  Repositories,
  'sections' | 'publications' | 'catalog' | 'people' | 'topics' | 'places'
>;

/** Folders whose pages list one person, topic or place: `/people/{slug}/`, … */
const COLLECTION_FOLDERS: Record<string, Exclude<ListingKind, 'section' | 'year'>> = {
  people: 'person',
  topics: 'topic',
  places: 'place',
};
const LISTING_FOLDERS = new Set(['people', 'topics', 'places', 'years']);

/**
 * What a cached page shows, as dependency keys, derived from its URL after it rendered:
 *
 * - a publication page `/{section}/{slug}/` shows that publication (`pub:<id>`), its series
 *   neighbours and translations (`pub:<id>` each, plus `series:<id>` and `group:<key>` so a piece
 *   joining the series or the translation group later is noticed);
 * - a listing of one section, person, topic, place or year (every page of it) shows the public
 *   work listed there: `in:<kind>:<id>` (see listing-keys.ts);
 * - every other page (home, indexes, feeds, sitemaps, citation downloads) can show any public
 *   work: `any-pub`.
 *
 * Listings and other pages also depend on `list`, dropped when something they all show changes
 * (a person's or topic's name, a date passing). Every page shows the navigation and site
 * identity; those invalidate everything (`all`).
 */
export async function pageDependencies(
  repos: PageRepos,
  key: string,
  now: Date,
): Promise<string[]> {
  const path = key.split('?')[0]!.replace(/^\/ko(?=\/)/, '');
  const match = /^\/([^/]+)\/(?:([^/]+)\/)?$/.exec(path);
  const everywhere = [LISTINGS, ANY_PUBLICATION];
  if (!match) return everywhere;
  const folder = match[1]!;
  const slug = match[2];
  const listing = (kind: ListingKind, id: number | undefined) =>
    id === undefined ? everywhere : [LISTINGS, listingKey(kind, id)];
  if (slug === undefined) {
    if (LISTING_FOLDERS.has(folder)) return everywhere;
    return listing('section', (await repos.sections.findBySlug(folder))?.id);
  }
  if (folder === 'years') {
    return /^\d{4}$/.test(slug) ? listing('year', Number(slug)) : everywhere;
  }
  const kind = COLLECTION_FOLDERS[folder];
  if (kind) {
    const found =
      kind === 'person'
        ? await repos.people.findBySlug(slug)
        : kind === 'topic'
          ? await repos.topics.findBySlug(slug)
          : await repos.places.findBySlug(slug);
    return listing(kind, found?.id);
  }
  return publicationDependencies(repos, folder, slug, now);
}

async function publicationDependencies(
  repos: PageRepos,
  sectionSlug: string,
  slug: string,
  now: Date,
): Promise<string[]> {
  const section = await repos.sections.findBySlug(sectionSlug);
  const record = section && (await repos.publications.findBySlug(section.id, slug));
  if (!record) return [LISTINGS, ANY_PUBLICATION];
  const deps = new Set<string>([`pub:${record.id}`]);
  if (record.seriesId) {
    deps.add(`series:${record.seriesId}`);
    for (const p of await repos.catalog.series(record.seriesId, now)) deps.add(`pub:${p.id}`);
  }
  if (record.translationGroup) {
    deps.add(`group:${record.translationGroup}`);
    for (const p of await repos.catalog.translations(record.translationGroup, now)) {
      deps.add(`pub:${p.id}`);
    }
  }
  return [...deps];
}
