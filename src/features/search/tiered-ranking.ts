import { anyNode, type MatchExpr, type RankedHit } from '../../core/search-index.ts';

/**
 * One page of hits in relevance order: in two tiers (`rankInTiers`) unless the match has an
 * exclusion, then over whole entries alone.
 */
export async function rankByRelevance(
  match: MatchExpr,
  page: { limit: number; offset: number },
  head: (n: number) => Promise<RankedHit[]>,
  whole: (n: number) => Promise<RankedHit[]>,
): Promise<RankedHit[]> {
  if (tiersApply(match)) return rankInTiers(page, head, whole);
  return (await whole(page.offset + page.limit)).slice(page.offset);
}

/**
 * Relevance in two tiers. First the works whose head (title, subtitle and summary, people,
 * topics and places) holds the whole query: they are about it, and they are ranked among
 * themselves; then the works that hold it only somewhere in their text (body, notes, PDFs),
 * ranked over everything. Ranking a head reads short rows, so a word found in most of a large
 * archive is ranked cheaply; the whole text is ranked only when the heads run out
 * before the page does, which happens for rarer words, whose matches are few.
 *
 * `head(n)` and `whole(n)` return the best n visible hits of each ranking (fewer: all there
 * are). A head match is always a whole match, since the head's words are in the whole entry;
 * queries with exclusions break that (`-word` may sit in a body but not in a head), so they
 * are ranked over the whole text in one tier (`rankByRelevance`).
 */
async function rankInTiers(
  page: { limit: number; offset: number },
  head: (n: number) => Promise<RankedHit[]>,
  whole: (n: number) => Promise<RankedHit[]>,
): Promise<RankedHit[]> {
  const needed = page.offset + page.limit;
  const first = await head(needed);
  if (first.length >= needed) return first.slice(page.offset, needed);
  // Every head hit is in `first`, and at most first.length of the whole ranking's top are.
  const inHead = new Set(first.map((h) => h.publicationId));
  const rest = (await whole(needed + first.length)).filter((h) => !inHead.has(h.publicationId));
  // Scores stay comparable within the search: the second tier's best sits just below the
  // first tier's last.
  const floor = Math.min(...first.map((h) => h.score), Number.POSITIVE_INFINITY);
  const shift = first.length > 0 && rest.length > 0 ? floor - rest[0]!.score - 1 : 0;
  const second = rest.map((h) => ({ publicationId: h.publicationId, score: h.score + shift }));
  return [...first, ...second].slice(page.offset, needed);
}

/** Whether a match can be ranked in tiers: it has no exclusion anywhere. */
function tiersApply(expr: MatchExpr): boolean {
  return !anyNode(expr, (node) => node.kind === 'not');
}
