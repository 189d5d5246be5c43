import type { Repositories } from '../db/repositories.ts';
import type { SearchEngine } from '../search/create-search.ts';
import { anyOf, type MatchExpr } from '../search/query-plan.ts';
import type { Highlighter, Segment } from '../search/snippets.ts';
import { openingOf } from '../search/snippets.ts';

/** A PDF of a search hit with the pages the query matched. */
export interface PdfHit {
  /** The attachment's file name, served at /{section}/{slug}/{fileName}. */
  fileName: string;
  storedFileId: number;
  /** How many pages match; `pages` holds the best few. */
  matchingPages: number;
  pages: Array<{ page: number; snippet: Segment[] }>;
}

/** Pages shown per PDF; the rest are counted. */
export const PAGES_SHOWN = 3;
/**
 * Matching pages read per PDF to choose the shown ones from: the first ones, in page order. A
 * long book full of a common word shows the best of its first pages, not of all of them.
 */
export const PAGES_WEIGHED = 12;

/**
 * The matching pages of the PDFs attached to the publications shown. A page matches when it
 * holds the whole query; when no page does (the words are spread over the publication), pages
 * holding any of the words are shown instead.
 */
export async function findPageHits(
  deps: { search: SearchEngine; repos: Pick<Repositories, 'files'> },
  match: MatchExpr,
  highlighter: Highlighter,
  publicationIds: readonly number[],
): Promise<Map<number, PdfHit[]>> {
  const out = new Map<number, PdfHit[]>();
  const attachments = (await deps.repos.files.attachmentsOf(publicationIds)).filter(
    (a) => a.file.mediaType === 'application/pdf',
  );
  if (attachments.length === 0) return out;
  const fileIds = attachments.map((a) => a.storedFileId);
  const index = deps.search.index;
  const matches = await index.pageMatches(match, fileIds, PAGES_WEIGHED);
  const missing = fileIds.filter((id) => !matches.has(id));
  const fallback = anyOf(match);
  if (missing.length > 0 && fallback) {
    for (const [id, m] of await index.pageMatches(fallback, missing, PAGES_WEIGHED)) {
      matches.set(id, m);
    }
  }
  const texts = await deps.search.sources.pages(
    [...matches].flatMap(([storedFileId, m]) =>
      m.pages.map((pageNumber) => ({ storedFileId, pageNumber })),
    ),
  );
  for (const a of attachments) {
    const m = matches.get(a.storedFileId);
    if (!m) continue;
    // The pages where the query's words are densest, found by the same highlighter that cuts
    // the snippets (ties: the earlier page).
    const weighed = m.pages.map((page) => {
      const text = texts.get(`${a.storedFileId}:${page}`) ?? '';
      return { page, text, passage: highlighter.passage(text, 200) };
    });
    weighed.sort((x, y) => (y.passage?.hits ?? 0) - (x.passage?.hits ?? 0) || x.page - y.page);
    const hit: PdfHit = {
      fileName: a.fileName,
      storedFileId: a.storedFileId,
      matchingPages: m.count,
      pages: weighed.slice(0, PAGES_SHOWN).map((w) => ({
        page: w.page,
        snippet: w.passage?.segments ?? openingOf(w.text, 200),
      })),
    };
    out.set(a.publicationId, [...(out.get(a.publicationId) ?? []), hit]);
  }
  return out;
}
