import type { Clock } from '../../core/ports.ts';
import type { Db } from '../db/connect.ts';
import { facetColumnSource } from './facet-column-source.ts';
import { FacetColumns } from './facet-columns.ts';
import { GazetteerCache } from './gazetteer-cache.ts';
import { SearchIndexer } from './indexer.ts';
import { PostgresIndex } from './postgres/postgres-index.ts';
import type { SearchIndex } from './search-index.ts';
import { SearchTurns } from './search-turns.ts';
import { IndexSources } from './sources.ts';
import { Fts5Index } from './sqlite/fts5-index.ts';

/** The search engine's parts, built once per context: the index for the database in use. */
export interface SearchEngine {
  index: SearchIndex;
  indexer: SearchIndexer;
  gazetteers: GazetteerCache;
  sources: IndexSources;
  /** This process's in-memory facet counts (see facet-columns.ts). */
  facetColumns: FacetColumns;
  /** The searches running in this process, two at a time (see search-turns.ts). */
  turns: SearchTurns;
}

const SEARCHES_AT_ONCE = 2;

export function createSearchEngine(db: Db, clock: Clock): SearchEngine {
  const columns = new FacetColumns(facetColumnSource(db));
  const index =
    db.dialect === 'sqlite'
      ? new Fts5Index(db.kysely, columns)
      : new PostgresIndex(db.kysely, columns);
  const sources = new IndexSources(db.kysely);
  const gazetteers = new GazetteerCache(sources);
  return {
    index,
    sources,
    gazetteers,
    facetColumns: columns,
    turns: new SearchTurns(SEARCHES_AT_ONCE),
    indexer: new SearchIndexer(index, sources, gazetteers, clock),
  };
}
