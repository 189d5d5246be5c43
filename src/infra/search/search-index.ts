import type { Tx } from '../../core/ports.ts';
import type { IndexedDocument, IndexedPage } from './document.ts';
import type { MatchExpr } from './query-plan.ts';

/**
 * The search index port. Two adapters implement it: SQLite FTS5 (`fts5-index.ts`) and
 * PostgreSQL full text (`postgres-index.ts`). Both store the analyzer's tokens as given and
 * filter every read through the public-visibility rule; the service above knows no SQL.
 */
export type SearchBackend = 'sqlite-fts5' | 'postgres';

/** A restriction on the publications a search returns. Several constraints all apply. */
export type Constraint =
  | { field: 'type' | 'language'; values: string[]; negated: boolean }
  | { field: 'section' | 'person' | 'topic' | 'place'; ids: number[]; negated: boolean }
  | { field: 'year'; from: number | null; to: number | null; negated: boolean };

export interface IndexQuery {
  /** Null: no words, only constraints (browsing by facet). */
  match: MatchExpr | null;
  constraints: Constraint[];
  now: Date;
}

export type SortOrder = 'relevance' | 'newest' | 'oldest';

export interface RankedHit {
  publicationId: number;
  /** Higher is better; comparable within one search only. */
  score: number;
}

/** Raw facet counts over a search's visible results; the service adds the labels. */
export interface FacetCounts {
  total: number;
  type: Map<string, number>;
  section: Map<number, number>;
  language: Map<string, number>;
  year: Map<number, number>;
  person: Map<number, number>;
  topic: Map<number, number>;
  place: Map<number, number>;
}

export interface SearchIndex {
  readonly backend: SearchBackend;

  writeDocument(doc: IndexedDocument, at: string, tx?: Tx): Promise<void>;
  deleteDocument(publicationId: number, tx?: Tx): Promise<void>;
  /** Replaces the indexed pages of one stored file (none: the file has no text). */
  writePages(storedFileId: number, pages: readonly IndexedPage[], tx?: Tx): Promise<void>;
  addTerms(terms: Iterable<string>, tx?: Tx): Promise<void>;
  /** Empties every index table (before a full rebuild). */
  clear(tx?: Tx): Promise<void>;

  /**
   * The best `limit` visible hits of a text match, best first, ranked over the heads only (the
   * works about the words) or over whole entries (see tiered-ranking.ts for how the two combine).
   */
  rank(
    query: IndexQuery & { match: MatchExpr },
    over: 'head' | 'whole',
    limit: number,
  ): Promise<RankedHit[]>;
  /** One page of the visible hits, newest or oldest first. */
  byDate(
    query: IndexQuery,
    order: 'newest' | 'oldest',
    page: { limit: number; offset: number },
  ): Promise<RankedHit[]>;
  /**
   * How many visible hits there are; with `atMost`, counting stops there (a word found in most
   * of a large archive need not be counted to the last one to show a page of it).
   */
  count(query: IndexQuery, atMost?: number): Promise<number>;
  facets(query: IndexQuery): Promise<FacetCounts>;
  /**
   * Indexed words that could be what a misspelled word meant (unranked). Hidden work's words are
   * among them: a caller offers a word to a reader only after it alone finds public work.
   */
  termCandidates(word: string): Promise<string[]>;
  /** The bare index query, ranked, without visibility, joins or filters: the benchmark's floor. */
  rawTop(match: MatchExpr, limit: number): Promise<number[]>;

  /** For drift checks: every indexed publication and page with the hash it was indexed at. */
  indexedDocuments(tx?: Tx): Promise<Map<number, string>>;
  indexedPages(tx?: Tx): Promise<Map<string, string>>;
  /** Rows of the full-text structures themselves, to catch rows orphaned or lost. */
  fullTextRowCounts(tx?: Tx): Promise<{ documents: number; heads: number; pages: number }>;
  /**
   * Every indexed publication a match finds, visible or not: for index maintenance only (which
   * entries to refresh after a place is renamed), never for a reader.
   */
  matchingPublications(match: MatchExpr, tx?: Tx): Promise<number[]>;
}

/**
 * Pages are keyed by file and page number in one integer, so that one file's pages are a
 * contiguous range that FTS5 can seek to.
 */
export const PAGE_KEY_STRIDE = 1_048_576;
export const pageKey = (storedFileId: number, pageNumber: number) =>
  storedFileId * PAGE_KEY_STRIDE + pageNumber;
