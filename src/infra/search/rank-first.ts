import type { RankedHit } from './page-key.ts';

/** Past this window, ranking first and checking after stops paying: the joined query runs. */
const RANK_FIRST_MAX = 5000;

/**
 * The best `limit` visible hits without joining every match to its publication: the index
 * ranks with a bounded sort (the floor's own work), then only the top rows are checked against
 * the visibility rule, widening the window in the rare case that too many of them are hidden.
 * Null: deep pages or mostly hidden matches, which the joined query serves better.
 *
 * Joining first meant testing visibility for every match of a common word (on PostgreSQL, a
 * hash join over every public publication's row, body and all).
 */
export async function rankFirst(
  limit: number,
  top: (window: number) => Promise<RankedHit[]>,
  visible: (ids: number[]) => Promise<ReadonlySet<number>>,
): Promise<RankedHit[] | null> {
  for (let window = limit + 20; window <= RANK_FIRST_MAX; window *= 4) {
    const rows = await top(window);
    if (rows.length === 0) return [];
    const ok = await visible(rows.map((r) => r.publicationId));
    const ranked = rows.filter((r) => ok.has(r.publicationId));
    if (ranked.length >= limit || rows.length < window) return ranked.slice(0, limit);
  }
  return null;
}
