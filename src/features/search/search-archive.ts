import type { DatePrecision } from '../../core/content-types.ts';
import { nextTurn } from '../../core/next-turn.ts';
import type { Clock } from '../../core/ports.ts';
import type { Repositories } from '../../core/repositories.ts';
import type { SearchEngine } from '../../core/search-engine.ts';
import type { IndexQuery, SortOrder } from '../../core/search-index.ts';
import { labelFacets, type SearchFacets } from './facets.ts';
import { snippetTexts } from './index-document.ts';
import { parseQuery } from './query-parser.ts';
import { planQuery } from './query-plan.ts';
import { type PublicLinks, resolveConstraints, type SearchFilters } from './search-filters.ts';
import type { SearchNote } from './search-notes.ts';
import { findPageHits, type PdfHit } from './search-page-hits.ts';
import { suggestCorrection } from './search-suggestion.ts';
import { Highlighter, openingOf, type Segment } from './snippets.ts';
import { rankByRelevance } from './tiered-ranking.ts';

export type { PdfHit, SearchFacets, SearchFilters, Segment, SortOrder };

/** A reader's search. Everything but `q` is optional; nothing in it can make the search throw. */
export interface SearchRequest {
  /** The query as typed (see query-parser.ts for the syntax). */
  q: string;
  /** Facet selections; values are slugs (sections, people, topics, places) or keys. */
  filters?: SearchFilters;
  /** Relevance (the default when there are words), or date. */
  sort?: SortOrder;
  /** 1-based. */
  page?: number;
  /** 10 unless given; at most 50. */
  pageSize?: number;
  /** The instant visibility is judged at; the clock's now unless given. */
  now?: Date;
  /** Facet counts cost a second query; a result list without them may skip them. */
  facets?: boolean;
}

export interface SearchHit {
  publicationId: number;
  sectionSlug: string;
  slug: string;
  title: string;
  /** The title with the query's words marked. */
  titleSegments: Segment[];
  type: string;
  language: string;
  publishedAt: string | null;
  /** How much of `publishedAt` the source printed: shown no more precisely than that. */
  publishedPrecision: DatePrecision;
  score: number;
  /** The best passage of the summary, body or notes, or the opening when none matched. */
  snippet: Segment[];
  /** PDFs with matching pages: link each as …/{fileName}#page={page}. */
  pdf: PdfHit[];
}

export interface SearchResult {
  /** The query as searched (cleaned of control characters, perhaps shortened). */
  query: string;
  /** With `totalExact` false, a lower bound: there are more than this many. */
  total: number;
  totalExact: boolean;
  page: number;
  pageSize: number;
  pageCount: number;
  sort: SortOrder;
  hits: SearchHit[];
  facets: SearchFacets | null;
  /** "Did you mean": a corrected query that finds public work, with how much. */
  suggestion: { q: string; total: number } | null;
  /** Why there are no results when the query itself is the reason (empty, only exclusions). */
  message: SearchNote | null;
  /** What was changed or ignored in the query (a stray quote, an unknown author, …). */
  notes: SearchNote[];
}

export interface SearchArchiveDeps {
  search: SearchEngine;
  repos: Pick<Repositories, 'sections' | 'people' | 'topics' | 'places' | 'publications' | 'files'>;
  clock: Clock;
}

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 50;
/** Deeper than this, a reader should narrow the search. */
export const MAX_OFFSET = 10_000;
/**
 * A result list without facets counts its hits this far, or to the end of the page asked for if
 * that is further, and says "more than" past it: counting every match of a word found in most of
 * a large archive costs more than finding the best of them.
 */
export const COUNTED = 1_000;

/**
 * Searches the public archive: only what the public-visibility rule lets through at `now` is
 * counted, faceted, quoted or suggested.
 */
export function searchArchive(
  deps: SearchArchiveDeps,
  request: SearchRequest,
): Promise<SearchResult> {
  return deps.search.turns.run(() => search(deps, request));
}

async function search(deps: SearchArchiveDeps, request: SearchRequest): Promise<SearchResult> {
  const now = request.now ?? deps.clock.now();
  const pageSize = clampInt(request.pageSize, 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
  const page = clampInt(request.page, 1, Math.floor(MAX_OFFSET / pageSize) + 1, 1);
  const parsed = parseQuery(typeof request.q === 'string' ? request.q : '');
  const gazetteer = await deps.search.gazetteers.get();
  const plan = planQuery(parsed.root, gazetteer);
  const notes = [...parsed.notes, ...plan.notes];
  const filters = request.filters ?? {};
  const publicLinks: PublicLinks = async (field, ids) => {
    // Every visible piece linked to one of the ids is counted, and each of its links with it:
    // an id counted at all has public work.
    const counts = await deps.search.index.facets({
      match: null,
      constraints: [{ field, ids: [...ids], negated: false }],
      now,
    });
    return new Set(ids.filter((id) => counts[field].has(id)));
  };
  const constraints = await resolveConstraints(
    { repos: deps.repos, gazetteer, publicLinks },
    filters,
    parsed.filters,
    notes,
  );
  const sort: SortOrder = request.sort ?? (plan.match ? 'relevance' : 'newest');
  const empty = (message: SearchNote | null): SearchResult => ({
    query: parsed.text,
    total: 0,
    totalExact: true,
    page,
    pageSize,
    pageCount: 0,
    sort,
    hits: [],
    facets: null,
    suggestion: null,
    message,
    notes,
  });
  if (plan.onlyExclusions) {
    return empty({ key: 'search.note.onlyExclusions' });
  }
  if (!plan.match && constraints.length === 0) {
    return empty({ key: parsed.text ? 'search.note.nothingToLookUp' : 'search.note.typeAWord' });
  }

  const query: IndexQuery = { match: plan.match, constraints, now };
  const index = deps.search.index;
  // The facets count every visible hit anyway; their total spares the result list a count.
  const counts = request.facets === false ? null : await index.facets(query);
  // Each phase below is real work on a large archive. Between them, other requests get their
  // turn: otherwise searches arriving together ran as one long block on SQLite, and whatever
  // arrived meanwhile waited for all of them.
  await nextTurn();
  const window = { limit: pageSize, offset: (page - 1) * pageSize };
  const match = plan.match;
  const hits =
    match && sort === 'relevance'
      ? await rankByRelevance(
          match,
          window,
          (n) => index.rank({ ...query, match }, 'head', n),
          (n) => index.rank({ ...query, match }, 'whole', n),
        )
      : await index.byDate(query, sort === 'oldest' ? 'oldest' : 'newest', window);
  await nextTurn();
  const enough = Math.max(COUNTED, page * pageSize);
  const counted = counts?.total ?? (await index.count(query, enough + 1));
  const totalExact = counts !== null || counted <= enough;
  const total = totalExact ? counted : enough;
  const highlighter = new Highlighter(plan.match, gazetteer);
  const pageHits = plan.match
    ? await findPageHits(
        deps,
        plan.match,
        highlighter,
        gazetteer,
        hits.map((h) => h.publicationId),
      )
    : new Map<number, PdfHit[]>();
  await nextTurn();
  const rows = await deps.search.sources.hits(hits.map((h) => h.publicationId));

  const out: SearchHit[] = [];
  for (const h of hits) {
    const p = rows.get(h.publicationId);
    if (!p) continue;
    const texts = snippetTexts(p);
    out.push({
      publicationId: p.id,
      sectionSlug: p.sectionSlug,
      slug: p.slug,
      title: p.title,
      titleSegments: highlighter.mark(p.title),
      type: p.type,
      language: p.language,
      publishedAt: p.publishedAt,
      publishedPrecision: p.publishedPrecision,
      score: h.score,
      snippet: bestPassage(highlighter, [texts.meta, texts.body, texts.notes]),
      pdf: pageHits.get(p.id) ?? [],
    });
  }

  const suggestion =
    total === 0 && plan.match
      ? await suggestCorrection(deps.search, parsed, gazetteer, constraints, now)
      : null;
  return {
    query: parsed.text,
    total,
    totalExact,
    page,
    pageSize,
    pageCount: Math.ceil(total / pageSize),
    sort,
    hits: out,
    facets: counts ? await labelFacets(deps.repos, counts, filters) : null,
    suggestion,
    message: null,
    notes,
  };
}

/**
 * The first of summary, body and notes that holds a match (the summary is written to be quoted;
 * looking no further keeps a page of results cheap), else the opening of the first non-empty.
 */
function bestPassage(highlighter: Highlighter, texts: string[]): Segment[] {
  for (const text of texts) {
    const passage = highlighter.passage(text);
    if (passage) return passage.segments;
  }
  return openingOf(texts.find((t) => t.trim()) ?? '');
}

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  const n = typeof value === 'number' ? value : Number.NaN;
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(n)));
}
