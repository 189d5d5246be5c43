import { fileUrlName } from '../../core/file-name.ts';
import type { Gazetteer } from '../../core/gazetteer.ts';
import type { Repositories } from '../../core/repositories.ts';
import type { SearchEngine } from '../../core/search-engine.ts';
import type { MatchExpr } from '../../core/search-index.ts';
import { anyOf } from './query-plan.ts';
import type { Highlighter, Segment } from './snippets.ts';
import { openingOf } from './snippets.ts';
import { matchableText, textMatches } from './text-match.ts';

/** A PDF of a search hit with the pages the query matched. */
export interface PdfHit {
  /** The attachment's file name, served at /{section}/{slug}/{fileName}. */
  fileName: string;
  storedFileId: number;
  /** How many pages match; `pages` holds the best few. */
  matchingPages: number;
  /** `recognized`: the page is a scan whose text was recognized, with the reader's confidence. */
  pages: Array<{ page: number; snippet: Segment[]; recognized?: { confidence: number } }>;
}

/** The pages of a file whose text was recognized from a scan (pdf-extract-job.ts), by number. */
function recognizedPages(metadata: Record<string, unknown> | null): Map<number, number> {
  const recognized = (metadata?.recognizedText as { pages?: unknown } | undefined)?.pages;
  const out = new Map<number, number>();
  if (!Array.isArray(recognized)) return out;
  for (const entry of recognized as Array<{ page?: unknown; confidence?: unknown }>) {
    if (typeof entry.page === 'number' && typeof entry.confidence === 'number') {
      out.set(entry.page, entry.confidence);
    }
  }
  return out;
}

/** Pages shown per PDF; the rest are counted. */
export const PAGES_SHOWN = 3;
/**
 * Matching pages weighed per PDF to choose the shown ones from: the first ones, in page order. A
 * long book full of a common word shows the best of its first pages, not of all of them.
 */
export const PAGES_WEIGHED = 12;

/**
 * The matching pages of the PDFs attached to the publications shown. A page matches when it
 * holds the whole query; when no page does (the words are spread over the publication), pages
 * holding any of the words are shown instead. The pages are read and matched here, with the
 * indexes' own semantics (`textMatches`), not looked up in the page index: see text-match.ts.
 */
export async function findPageHits(
  deps: { search: SearchEngine; repos: Pick<Repositories, 'files'> },
  match: MatchExpr,
  highlighter: Highlighter,
  gazetteer: Gazetteer,
  publicationIds: readonly number[],
): Promise<Map<number, PdfHit[]>> {
  const out = new Map<number, PdfHit[]>();
  const attachments = (await deps.repos.files.attachmentsOf(publicationIds)).filter(
    (a) => a.file.mediaType === 'application/pdf',
  );
  if (attachments.length === 0) return out;
  const pagesOf = await deps.search.sources.pagesOf(attachments.map((a) => a.storedFileId));
  const fallback = anyOf(match);
  const stems = new Map<string, string | null>();
  for (const a of attachments) {
    const pages = (pagesOf.get(a.storedFileId) ?? []).map((p) => ({
      ...p,
      analyzed: matchableText(p.text, match, gazetteer, stems),
    }));
    let matching = pages.filter((p) => textMatches(match, p.analyzed));
    if (matching.length === 0 && fallback) {
      matching = pages.filter((p) => textMatches(fallback, p.analyzed));
    }
    if (matching.length === 0) continue;
    // The pages that hold the query's words most often, counted by the same highlighter that
    // cuts the snippets (ties: the earlier page).
    const weighed = matching
      .slice(0, PAGES_WEIGHED)
      .map((p) => ({ page: p.page, text: p.text, hits: highlighter.count(p.text) }))
      .sort((x, y) => y.hits - x.hits || x.page - y.page);
    const recognized = recognizedPages(a.file.metadata);
    const hit: PdfHit = {
      fileName: fileUrlName(a.fileName),
      storedFileId: a.storedFileId,
      matchingPages: matching.length,
      pages: weighed.slice(0, PAGES_SHOWN).map((w) => {
        const confidence = recognized.get(w.page);
        return {
          page: w.page,
          snippet: highlighter.passage(w.text, 200)?.segments ?? openingOf(w.text, 200),
          ...(confidence === undefined ? {} : { recognized: { confidence } }),
        };
      }),
    };
    out.set(a.publicationId, [...(out.get(a.publicationId) ?? []), hit]);
  }
  return out;
}
