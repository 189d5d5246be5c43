import type { Db } from '../db/connect.ts';
import { facetColumnSource } from './facet-column-source.ts';
import { FacetColumns } from './facet-columns.ts';
import type { SearchIndex } from './page-key.ts';
import { PostgresIndex } from './postgres/postgres-index.ts';
import { SearchTurns } from './search-turns.ts';
import { SqlSearchSources } from './sources.ts';
import { Fts5Index } from './sqlite/fts5-index.ts';

/**
 * The search engine's parts, built once per context: the index for the database in use and the
 * archive's rows it is built from. What to put in the index (the analysis, the gazetteer, the
 * indexer that follows the change feed) is the search feature's, wired to these in context.ts.
 */
export interface SearchEngineParts {
  index: SearchIndex;
  sources: SqlSearchSources;
  /** This process's in-memory facet counts (see facet-columns.ts). */
  facetColumns: FacetColumns;
  /** The searches running in this process, two at a time (see search-turns.ts). */
  turns: SearchTurns;
}

const SEARCHES_AT_ONCE = 2;

export function createSearchEngine(db: Db): SearchEngineParts {
  const columns = new FacetColumns(facetColumnSource(db));
  const index =
    db.dialect === 'sqlite'
      ? new Fts5Index(db.kysely, columns)
      : new PostgresIndex(db.kysely, columns);
  return {
    index,
    sources: new SqlSearchSources(db.kysely),
    facetColumns: columns,
    turns: new SearchTurns(SEARCHES_AT_ONCE),
  };
}
