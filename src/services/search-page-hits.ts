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
  const matches = await index.pageMatches(match, fileIds, PAGES_SHOWN);
  const missing = fileIds.filter((id) => !matches.has(id));
  const fallback = anyOf(match);
  if (missing.length > 0 && fallback) {
    for (const [id, m] of await index.pageMatches(fallback, missing, PAGES_SHOWN)) {
      matches.set(id, m);
    }
  }
  const texts = await deps.search.sources.pages(
    [...matches].flatMap(([storedFileId, m]) =>
      m.pages.map((p) => ({ storedFileId, pageNumber: p.pageNumber })),
    ),
  );
  for (const a of attachments) {
    const m = matches.get(a.storedFileId);
    if (!m) continue;
    const hit: PdfHit = {
      fileName: a.fileName,
      storedFileId: a.storedFileId,
      matchingPages: m.count,
      pages: m.pages.map((p) => {
        const text = texts.get(`${a.storedFileId}:${p.pageNumber}`) ?? '';
        return {
          page: p.pageNumber,
          snippet: highlighter.passage(text, 200)?.segments ?? openingOf(text, 200),
        };
      }),
    };
    out.set(a.publicationId, [...(out.get(a.publicationId) ?? []), hit]);
  }
  return out;
}
