import type { DatePrecision } from './content-types.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { Tx } from './ports.ts';
import type { SearchIndex } from './search-index.ts';

/** A publication as a hit shows it, read in bulk for one page of results. */
export interface HitRow {
  id: number;
  sectionSlug: string;
  slug: string;
  title: string;
  subtitle: string | null;
  summary: string | null;
  body: string;
  type: string;
  language: string;
  publishedAt: string | null;
  publishedPrecision: DatePrecision;
}

/** What a search reads besides the index: the hits' rows and their PDFs' page text. */
export interface SearchSources {
  hits(ids: readonly number[]): Promise<Map<number, HitRow>>;
  /** Every page of some stored files, in page order (the PDFs a page of results shows). */
  pagesOf(
    storedFileIds: readonly number[],
  ): Promise<Map<number, Array<{ page: number; text: string }>>>;
}

/** The gazetteer, kept current with the places in the archive. */
export interface GazetteerSource {
  get(tx?: Tx): Promise<Gazetteer>;
}

/** Lets a bounded number of searches run at once; the others wait their turn. */
export interface SearchQueue {
  run<T>(search: () => Promise<T>): Promise<T>;
}

/**
 * Full-text search as features use it: the index for the database in use and what a search
 * reads beside it. Keeping the index current is infra's business (it hears the change feed).
 */
export interface SearchEngine {
  index: SearchIndex;
  gazetteers: GazetteerSource;
  sources: SearchSources;
  /** The searches running in this process. */
  turns: SearchQueue;
}
