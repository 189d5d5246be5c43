import type { Tx } from './ports.ts';

/** The fields of a publication, from the most to the least telling for ranking. */
export const DOC_FIELDS = ['title', 'meta', 'names', 'body', 'notes', 'pdf'] as const;
export type DocField = (typeof DOC_FIELDS)[number];

/**
 * What to match, in analyzed tokens: the parsed query after the analyzer and the gazetteer have
 * had their say. Each backend compiles this tree to its own syntax (FTS5 MATCH, tsquery), so
 * both answer the same question.
 *
 * - word: the exact token (or the joined form of a hyphenated compound), or any word with the
 *   same English stem. The exact form ranks higher.
 * - phrase: exact tokens, adjacent, in order; the last may be a prefix. A one-token phrase is an
 *   exact word without stemming; a Hangul word is a phrase of its bigrams.
 * - place: a place of the gazetteer, linked to the work or named anywhere in its text.
 */
export type MatchExpr =
  | { kind: 'word'; token: string; stem: string | null }
  | { kind: 'phrase'; tokens: string[]; prefixLast: boolean }
  | { kind: 'place'; placeIds: number[] }
  | { kind: 'and'; children: MatchExpr[] }
  | { kind: 'or'; children: MatchExpr[] }
  | { kind: 'not'; positive: MatchExpr; negatives: MatchExpr[] };

/** Whether any node of a match tree, the root included, passes `test`. */
export function anyNode(expr: MatchExpr, test: (node: MatchExpr) => boolean): boolean {
  if (test(expr)) return true;
  switch (expr.kind) {
    case 'and':
    case 'or':
      return expr.children.some((c) => anyNode(c, test));
    case 'not':
      return anyNode(expr.positive, test) || expr.negatives.some((n) => anyNode(n, test));
    default:
      return false;
  }
}

/** Text as analyzed for the index: token streams with their stems, compounds and places. */
export interface AnalyzedText {
  tokens: string[];
  /**
   * The English stem of the token at the same position (the token itself when it is its own
   * stem); null for tokens that are not plain Latin words.
   */
  stems: Array<string | null>;
  /** Joined forms of hyphenated compounds, at the position of their first part. */
  alts: Array<{ position: number; text: string }>;
  /** Gazetteer places named in the text, at the position where the name starts. */
  places: Array<{ position: number; placeIds: readonly number[] }>;
}

export interface IndexedDocument {
  publicationId: number;
  /** Its PDFs' pages, analyzed once for both the publication and the page index. */
  pages: IndexedPage[];
  fields: Record<DocField, AnalyzedText>;
  /** Places linked to the publication (always matched, even if the text never names them). */
  linkedPlaceIds: number[];
  facets: { person: number[]; topic: number[]; place: number[] };
  /** Words for spelling suggestions. */
  terms: string[];
  hash: string;
}

export interface IndexedPage {
  storedFileId: number;
  pageNumber: number;
  text: AnalyzedText;
  hash: string;
}

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

/**
 * The search index port. Two adapters implement it: SQLite FTS5 (`fts5-index.ts`) and
 * PostgreSQL full text (`postgres-index.ts`). Both store the analyzer's tokens as given and
 * filter every read through the public-visibility rule; the service above knows no SQL.
 */
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
