import { type RawBuilder, sql } from 'kysely';
import type { Tx } from '../../../core/ports.ts';
import type {
  AnalyzedText,
  FacetCounts,
  IndexedDocument,
  IndexedPage,
  IndexQuery,
  MatchExpr,
  RankedHit,
  SearchIndex,
} from '../../../core/search-index.ts';
import { dbOrTx } from '../../db/executor.ts';
import { idList } from '../facet-columns.ts';
import { rankFirst } from '../rank-first.ts';
import { publicResults } from '../sql-constraints.ts';
import { TableBackedIndex } from '../table-backed-index.ts';
import { DOC_COLUMNS, type Fts5Columns, HEAD_COLUMNS, placeToken, toFts5 } from './fts5-query.ts';

/**
 * bm25 weights of search_fts's columns, in order: title, meta (subtitle, summary), names
 * (people, topics, places), body, notes, pdf, alt (joined compounds), plc (places), stems of
 * the upper three fields, stems of the lower three. An exact word counts more than its stem.
 */
const DOC_WEIGHTS = [10, 4, 4, 2, 1, 1, 3, 3, 3, 0.7];
/** search_head's columns: title, meta, names, alt, plc, stems (the same weights as above). */
const HEAD_WEIGHTS = [10, 4, 4, 3, 3, 3];
/**
 * Joins read the visibility facts from their covering index. Left to choose, SQLite reads the
 * publication rows themselves, where status and dates sit behind the body and its HTML: several
 * times slower per match.
 */
const FACTS = sql`indexed by publications_search_facts`;
/** An FTS5 table that ranks: its name, how a match addresses its columns, and its weights. */
interface RankedTable {
  name: 'search_fts' | 'search_head';
  columns: Fts5Columns;
  weights: readonly number[];
}
const WHOLE: RankedTable = { name: 'search_fts', columns: DOC_COLUMNS, weights: DOC_WEIGHTS };
const HEAD: RankedTable = { name: 'search_head', columns: HEAD_COLUMNS, weights: HEAD_WEIGHTS };

function scoreOf(table: RankedTable) {
  return sql`-bm25(${sql.table(table.name)}, ${sql.join(table.weights.map((w) => sql.lit(w)))})`;
}

/** The SQLite adapter: contentless FTS5 tables fed with the analyzer's tokens. */
export class Fts5Index extends TableBackedIndex implements SearchIndex {
  readonly backend = 'sqlite-fts5' as const;
  protected readonly fullTextTables = {
    documents: 'search_fts',
    heads: 'search_head',
    pages: 'search_pages',
  };
  async writeDocument(doc: IndexedDocument, at: string, tx?: Tx): Promise<void> {
    const db = dbOrTx(this.db, tx);
    await this.deleteDocument(doc.publicationId, tx);
    const f = doc.fields;
    const placeTokens = [
      ...doc.linkedPlaceIds,
      ...Object.values(f).flatMap((t) => t.places.flatMap((m) => m.placeIds)),
    ].map(placeToken);
    await sql`insert into search_fts
      (rowid, title, meta, names, body, notes, pdf, alt, plc, stems_hi, stems_lo)
      values (${doc.publicationId}, ${words(f.title)}, ${words(f.meta)}, ${words(f.names)},
        ${words(f.body)}, ${words(f.notes)}, ${words(f.pdf)},
        ${Object.values(f)
          .flatMap((t) => t.alts.map((a) => a.text))
          .join(' ')},
        ${placeTokens.join(' ')},
        ${stems(f.title, f.meta, f.names)}, ${stems(f.body, f.notes, f.pdf)})`.execute(db);
    const head = [f.title, f.meta, f.names];
    const headPlaces = [
      ...doc.linkedPlaceIds,
      ...head.flatMap((t) => t.places.flatMap((m) => m.placeIds)),
    ];
    await sql`insert into search_head (rowid, title, meta, names, alt, plc, stems)
      values (${doc.publicationId}, ${words(f.title)}, ${words(f.meta)}, ${words(f.names)},
        ${head.flatMap((t) => t.alts.map((a) => a.text)).join(' ')},
        ${[...new Set(headPlaces)].map(placeToken).join(' ')}, ${stems(...head)})`.execute(db);
    await db
      .insertInto('searchDocs')
      .values({ publicationId: doc.publicationId, contentHash: doc.hash, indexedAt: at })
      .execute();
    await this.tables.writeFacets(doc, tx);
  }

  async deleteDocument(publicationId: number, tx?: Tx): Promise<void> {
    const db = dbOrTx(this.db, tx);
    await sql`delete from search_fts where rowid = ${publicationId}`.execute(db);
    await sql`delete from search_head where rowid = ${publicationId}`.execute(db);
    await this.tables.deleteDocument(publicationId, tx);
  }

  /**
   * Records a file's pages for drift checks. Their words are matched in the publication's `pdf`
   * column, and the pages a result shows are found by reading them (see text-match.ts), so
   * SQLite keeps no full-text index of pages.
   */
  async writePages(storedFileId: number, pages: readonly IndexedPage[], tx?: Tx): Promise<void> {
    const db = dbOrTx(this.db, tx);
    await this.tables.deletePages(storedFileId, tx);
    // Many pages per statement: a 300-page book is two inserts, not six hundred.
    for (let i = 0; i < pages.length; i += 200) {
      await db
        .insertInto('searchPages')
        .values(pages.slice(i, i + 200).map((page) => this.tables.pageRow(page)))
        .execute();
    }
  }

  async clear(tx?: Tx): Promise<void> {
    const db = dbOrTx(this.db, tx);
    await sql`delete from search_fts`.execute(db);
    await sql`delete from search_head`.execute(db);
    await this.tables.clear(tx);
  }

  /** The visible publications a query matches, unranked (null match: all of them). */
  protected hitsSql(q: IndexQuery, columns: ReturnType<typeof sql>) {
    const where = publicResults(q.constraints, q.now);
    if (!q.match) {
      return sql`select ${columns} from publications
        join search_docs on search_docs.publication_id = publications.id where ${where}`;
    }
    // Materialized and CROSS JOINed (SQLite's way to fix the join order), so that the full-text
    // match runs once and drives the join; left to itself, SQLite may walk every public
    // publication and re-run the match for each one.
    return sql`with h as materialized (
        select rowid as id from search_fts where search_fts match ${toFts5(q.match, DOC_COLUMNS)}
      ) select ${columns} from h cross join publications ${FACTS}
      where publications.id = h.id and ${where}`;
  }

  rank(q: IndexQuery & { match: MatchExpr }, over: 'head' | 'whole', limit: number) {
    return this.ranked(over === 'head' ? HEAD : WHOLE, q.match, q, limit);
  }

  /** SQLite plans a text match well on its own. */
  protected async read<R>(query: RawBuilder<R>): Promise<R[]> {
    return (await query.execute(this.db)).rows;
  }

  /** The best `limit` visible hits of one ranked table, best first. */
  private async ranked(
    table: RankedTable,
    match: MatchExpr,
    q: IndexQuery,
    limit: number,
  ): Promise<RankedHit[]> {
    if (q.constraints.length === 0) {
      const hits = await this.rankFirst(table, match, q, limit);
      if (hits) return hits;
    }
    // Materialized and CROSS JOINed (SQLite's way to fix the join order), so that the full-text
    // match runs once and drives the join.
    const { rows } = await sql<{ id: number; score: number }>`with h as materialized (
        select rowid as id, ${scoreOf(table)} as score
        from ${sql.table(table.name)} where ${sql.table(table.name)} match ${toFts5(match, table.columns)}
      ) select h.id as id, h.score as score from h cross join publications ${FACTS}
      where publications.id = h.id and ${publicResults(q.constraints, q.now)}
      order by h.score desc, publications.published_at desc, publications.id desc
      limit ${limit}`.execute(this.db);
    return rows.map((r) => ({ publicationId: r.id, score: Number(r.score) }));
  }

  /** Ranks the table's matches alone, then checks only the top rows (see rank-first.ts). */
  private rankFirst(
    table: RankedTable,
    match: MatchExpr,
    q: IndexQuery,
    limit: number,
  ): Promise<RankedHit[] | null> {
    const expr = toFts5(match, table.columns);
    return rankFirst(
      limit,
      async (window) => {
        const { rows } = await sql<{ id: number; score: number }>`
          select rowid as id, ${scoreOf(table)} as score
          from ${sql.table(table.name)} where ${sql.table(table.name)} match ${expr}
          order by score desc, rowid desc limit ${window}`.execute(this.db);
        return rows.map((r) => ({ publicationId: r.id, score: Number(r.score) }));
      },
      async (ids) => {
        // By id through the covering index; SQLite may otherwise walk every public publication
        // by status and date to find these few.
        const { rows } = await sql<{ id: number }>`select publications.id as id
          from publications ${FACTS}
          where publications.id in (${sql.join(ids)}) and ${publicResults(q.constraints, q.now)}`.execute(
          this.db,
        );
        return new Set(rows.map((r) => r.id));
      },
    );
  }

  async count(q: IndexQuery, atMost?: number): Promise<number> {
    const where = publicResults(q.constraints, q.now);
    // Rows stream from the match in id order, so a limit ends the count early.
    const hits = q.match
      ? sql`select 1 from search_fts cross join publications ${FACTS}
          where search_fts match ${toFts5(q.match, DOC_COLUMNS)}
          and publications.id = search_fts.rowid and ${where}`
      : this.hitsSql(q, sql`publications.id`);
    const limited = atMost === undefined ? hits : sql`${hits} limit ${atMost}`;
    const { rows } = await sql<{ n: number }>`select count(*) as n from (${limited}) c`.execute(
      this.db,
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** The match runs here; the counting, in memory (facet-columns.ts). */
  async facets(q: IndexQuery): Promise<FacetCounts> {
    const ids = q.match ? await this.matchIds(q.match) : null;
    return this.columns.count(ids, q.constraints, q.now);
  }

  /** Every publication a match finds, hidden ones included, as one string: no row per hit. */
  private async matchIds(match: MatchExpr): Promise<number[]> {
    const { rows } = await sql<{ ids: string | null }>`select group_concat(rowid) as ids
      from search_fts where search_fts match ${toFts5(match, DOC_COLUMNS)}`.execute(this.db);
    return idList(rows[0]?.ids ?? null);
  }

  termCandidates(word: string): Promise<string[]> {
    return this.tables.termsNear(word);
  }

  async rawTop(match: MatchExpr, limit: number): Promise<number[]> {
    const { rows } = await sql<{ id: number }>`select rowid as id from search_fts
      where search_fts match ${toFts5(match, DOC_COLUMNS)}
      order by bm25(search_fts, ${sql.join(DOC_WEIGHTS.map((w) => sql.lit(w)))}) limit ${limit}`.execute(
      this.db,
    );
    return rows.map((r) => r.id);
  }

  async matchingPublications(match: MatchExpr, tx?: Tx): Promise<number[]> {
    const { rows } = await sql<{ id: number }>`select rowid as id from search_fts
      where search_fts match ${toFts5(match, DOC_COLUMNS)}`.execute(dbOrTx(this.db, tx));
    return rows.map((r) => r.id);
  }
}

function words(t: AnalyzedText): string {
  return t.tokens.join(' ');
}

function stems(...texts: AnalyzedText[]): string {
  const out: string[] = [];
  for (const t of texts) for (const s of t.stems) if (s !== null) out.push(s);
  return out.join(' ');
}
