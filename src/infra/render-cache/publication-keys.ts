import { ANY_PUBLICATION, LISTINGS } from '../../core/cache-keys.ts';
import type { Executor } from '../db/executor.ts';
import { listingKeysOf } from './listing-keys.ts';

/**
 * What a change to one publication can alter, as it stands in `db`: its own page, the pages of
 * its series and translation group, the listings it appears in, and the pages that show any
 * public work (home, indexes, feeds, sitemaps). Other listings keep their pages: an edit to a
 * report does not touch a person's page who did not write it.
 *
 * A publication that moves (another section, date, status, people, topics or places) leaves
 * listings too; its writer announces it before the write as well (`publicationChanging`), so the
 * keys of where it was are dropped with those of where it is. A publication gone from the
 * database drops every listing.
 */
export async function publicationKeys(db: Executor, publicationId: number): Promise<string[]> {
  const row = await db
    .selectFrom('publications')
    .select(['id', 'sectionId', 'publishedAt', 'seriesId', 'translationGroup'])
    .where('id', '=', publicationId)
    .executeTakeFirst();
  const listed = row ? [ANY_PUBLICATION, ...(await listingKeysOf(db, row))] : [LISTINGS];
  const keys = [`pub:${publicationId}`, ...listed];
  if (row?.seriesId) keys.push(`series:${row.seriesId}`);
  if (row?.translationGroup) keys.push(`group:${row.translationGroup}`);
  return keys;
}
