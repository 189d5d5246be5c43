import { sql } from 'kysely';
import type { Tx } from '../../core/ports.ts';
import type { IndexedDocument, IndexedPage } from '../../core/search-index.ts';
import { dbOrTx, type Executor } from '../db/executor.ts';
import { pageKey } from './page-key.ts';

/**
 * The plain tables both backends keep beside their full-text structures: what was indexed from
 * which content (for drift checks), facet memberships, and the suggestion vocabulary.
 */
export class IndexTables {
  constructor(private readonly db: Executor) {}

  async writeFacets(doc: IndexedDocument, tx?: Tx): Promise<void> {
    const db = dbOrTx(this.db, tx);
    await db.deleteFrom('searchDocFacets').where('publicationId', '=', doc.publicationId).execute();
    const facets = (['person', 'topic', 'place'] as const).flatMap((facet) =>
      doc.facets[facet].map((valueId) => ({ publicationId: doc.publicationId, facet, valueId })),
    );
    for (let i = 0; i < facets.length; i += 300) {
      await db
        .insertInto('searchDocFacets')
        .values(facets.slice(i, i + 300))
        .execute();
    }
  }

  async deleteDocument(publicationId: number, tx?: Tx): Promise<void> {
    const db = dbOrTx(this.db, tx);
    await db.deleteFrom('searchDocFacets').where('publicationId', '=', publicationId).execute();
    await db.deleteFrom('searchDocs').where('publicationId', '=', publicationId).execute();
  }

  async deletePages(storedFileId: number, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx)
      .deleteFrom('searchPages')
      .where('storedFileId', '=', storedFileId)
      .execute();
  }

  pageRow(page: IndexedPage) {
    return {
      id: pageKey(page.storedFileId, page.pageNumber),
      storedFileId: page.storedFileId,
      pageNumber: page.pageNumber,
      contentHash: page.hash,
    };
  }

  async addTerms(terms: Iterable<string>, tx?: Tx): Promise<void> {
    const list = [...terms];
    const db = dbOrTx(this.db, tx);
    for (let i = 0; i < list.length; i += 500) {
      await db
        .insertInto('searchTerms')
        .values(list.slice(i, i + 500).map((term) => ({ term })))
        .onConflict((oc) => oc.column('term').doNothing())
        .execute();
    }
  }

  /** Words with the same first letter and a similar length: cheap candidates for a typo. */
  async termsNear(word: string): Promise<string[]> {
    const first = word[0];
    if (!first) return [];
    const next = String.fromCodePoint(first.codePointAt(0)! + 1);
    const rows = await this.db
      .selectFrom('searchTerms')
      .select('term')
      .where('term', '>=', first)
      .where('term', '<', next)
      .where(sql<boolean>`length(term) between ${word.length - 2} and ${word.length + 2}`)
      .limit(50_000)
      .execute();
    return rows.map((r) => r.term);
  }

  async clear(tx?: Tx): Promise<void> {
    const db = dbOrTx(this.db, tx);
    await db.deleteFrom('searchDocFacets').execute();
    await db.deleteFrom('searchDocs').execute();
    await db.deleteFrom('searchPages').execute();
    await db.deleteFrom('searchTerms').execute();
  }

  async indexedDocuments(tx?: Tx): Promise<Map<number, string>> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('searchDocs')
      .select(['publicationId', 'contentHash'])
      .execute();
    return new Map(rows.map((r) => [r.publicationId, r.contentHash]));
  }

  async indexedPages(tx?: Tx): Promise<Map<string, string>> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('searchPages')
      .select(['storedFileId', 'pageNumber', 'contentHash'])
      .execute();
    return new Map(rows.map((r) => [`${r.storedFileId}:${r.pageNumber}`, r.contentHash]));
  }

  /** How many rows each named table holds, for telling a full-text structure that lost rows. */
  async rowCounts<K extends string>(
    tables: Record<K, string>,
    tx?: Tx,
  ): Promise<Record<K, number>> {
    const db = dbOrTx(this.db, tx);
    const counts = {} as Record<K, number>;
    for (const [name, table] of Object.entries(tables) as [K, string][]) {
      const { rows } = await sql<{ n: number }>`select count(*) as n
        from ${sql.table(table)}`.execute(db);
      counts[name] = Number(rows[0]?.n ?? 0);
    }
    return counts;
  }

  async publicationsWithPlaces(placeIds: readonly number[], tx?: Tx): Promise<number[]> {
    if (placeIds.length === 0) return [];
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('searchDocFacets')
      .select('publicationId')
      .distinct()
      .where('facet', '=', 'place')
      .where('valueId', 'in', [...placeIds])
      .execute();
    return rows.map((r) => r.publicationId);
  }
}
