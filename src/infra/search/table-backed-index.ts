import { type RawBuilder, sql } from 'kysely';
import type { Tx } from '../../core/ports.ts';
import type { IndexQuery, RankedHit } from '../../core/search-index.ts';
import type { Executor } from '../db/executor.ts';
import type { FacetColumns } from './facet-columns.ts';
import { IndexTables } from './index-tables.ts';

/**
 * What both search backends share: the plain tables they keep beside their full-text structures,
 * read and fed the same way whichever database holds them.
 */
export abstract class TableBackedIndex {
  protected readonly tables: IndexTables;
  /** The backend's full-text tables: its documents, their heads, and PDF pages. */
  protected abstract readonly fullTextTables: { documents: string; heads: string; pages: string };

  constructor(
    protected readonly db: Executor,
    protected readonly columns: FacetColumns,
  ) {
    this.tables = new IndexTables(db);
  }

  /** Runs a search read the way the backend's planner needs it; `textMatch` says it matches text. */
  protected abstract read<R>(query: RawBuilder<R>, textMatch: boolean): Promise<R[]>;

  /** The visible hits of a query, as rows of `columns`, in no particular order. */
  protected abstract hitsSql(q: IndexQuery, columns: RawBuilder<unknown>): RawBuilder<unknown>;

  async byDate(
    q: IndexQuery,
    order: 'newest' | 'oldest',
    page: { limit: number; offset: number },
  ): Promise<RankedHit[]> {
    const direction = order === 'oldest' ? sql`asc` : sql`desc`;
    const rows = await this.read(
      sql<{ id: number }>`${this.hitsSql(q, sql`publications.id as id`)}
        order by publications.published_at ${direction}, publications.id ${direction}
        limit ${page.limit} offset ${page.offset}`,
      q.match !== null,
    );
    return rows.map((r) => ({ publicationId: r.id, score: 0 }));
  }

  addTerms(terms: Iterable<string>, tx?: Tx): Promise<void> {
    return this.tables.addTerms(terms, tx);
  }

  indexedDocuments(tx?: Tx): Promise<Map<number, string>> {
    return this.tables.indexedDocuments(tx);
  }

  indexedPages(tx?: Tx): Promise<Map<string, string>> {
    return this.tables.indexedPages(tx);
  }

  fullTextRowCounts(tx?: Tx): Promise<{ documents: number; heads: number; pages: number }> {
    return this.tables.rowCounts(this.fullTextTables, tx);
  }
}
