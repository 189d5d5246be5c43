export type {
  Constraint,
  FacetCounts,
  IndexQuery,
  RankedHit,
  SearchBackend,
  SearchIndex,
  SortOrder,
} from '../../core/search-index.ts';

/**
 * Pages are keyed by file and page number in one integer, so that one file's pages are a
 * contiguous range that FTS5 can seek to.
 */
export const PAGE_KEY_STRIDE = 1_048_576;
export const pageKey = (storedFileId: number, pageNumber: number) =>
  storedFileId * PAGE_KEY_STRIDE + pageNumber;
