import type { Repositories } from '../db/repositories.ts';
import { LISTINGS } from './render-cache.ts';

/** Path segments that are listings of their own, not sections. */
const LISTING_FOLDERS = new Set(['people', 'topics', 'places', 'years']);

/**
 * What a cached page shows, as dependency keys, derived from its URL after it rendered:
 *
 * - a publication page `/{section}/{slug}/` shows that publication (`pub:<id>`), its series
 *   neighbours and translations (`pub:<id>` each, plus `series:<id>` and `group:<key>` so a piece
 *   joining the series or the translation group later is noticed);
 * - every other page (home, section, person, topic, place and year listings, indexes, feeds,
 *   sitemaps, citation downloads) depends on the set of public publications: `list`.
 *
 * Every page also shows the navigation and site identity; those invalidate everything (`all`).
 * People, topics and places reach publication pages through the change feed: their updates
 * announce every linked publication.
 */
export async function pageDependencies(
  repos: Pick<Repositories, 'sections' | 'publications' | 'catalog'>,
  key: string,
  now: Date,
): Promise<string[]> {
  const path = key.split('?')[0]!.replace(/^\/ko(?=\/)/, '');
  const match = /^\/([^/]+)\/([^/]+)\/$/.exec(path);
  if (!match || LISTING_FOLDERS.has(match[1]!)) return [LISTINGS];
  const section = await repos.sections.findBySlug(match[1]!);
  const record = section && (await repos.publications.findBySlug(section.id, match[2]!));
  if (!record) return [LISTINGS];
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
