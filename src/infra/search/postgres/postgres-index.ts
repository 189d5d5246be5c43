import { type RawBuilder, sql } from 'kysely';
import type { Tx } from '../../../core/ports.ts';
import type {
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
import { hasPhrase, TsvectorBuilder, toTsquery } from './tsquery.ts';

/** ts_rank weights for D, C, B, A: pdf; body and notes; meta and names; title. */
const RANK_WEIGHTS = sql.lit('{0.1, 0.3, 0.5, 1.0}');
/** ts_rank normalization 1: divide by 1 + log(length), so long documents do not win by size. */
const RANK_NORMALIZATION = sql.lit(1);

/** The PostgreSQL adapter: a weighted tsvector per publication and per page, GIN-indexed. */
export class PostgresIndex extends TableBackedIndex implements SearchIndex {
  readonly backend = 'postgres' as const;
  // The whole tsvectors live in search_docs' rows; a head can go missing only on its own.
  protected readonly fullTextTables = {
    documents: 'search_docs',
    heads: 'search_heads',
    pages: 'search_pages',
  };
  /**
   * Runs a search read with the GIN index as the way into search_docs. The tsvectors live out of
   * line (TOAST), so the planner sees a tiny table and costs testing each one as nothing: it
   * scans the table, or walks the primary key testing every vector, reading them all even for a
   * word a handful of publications contain. With both ways off, a text match goes through the
   * GIN bitmap and reads only the vectors it must rank, far fewer even for a common word. A read
   * with no text match keeps its index scans: a filtered listing walks the publication date
   * index for its page.
   */
  protected read<R>(query: RawBuilder<R>, textMatch: boolean): Promise<R[]> {
    return this.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      if (textMatch) await sql`set local enable_indexscan = off`.execute(trx);
      return (await query.execute(trx)).rows;
    });
  }

  async writeDocument(doc: IndexedDocument, at: string, tx?: Tx): Promise<void> {
    const db = dbOrTx(this.db, tx);
    const f = doc.fields;
    const tsv = new TsvectorBuilder()
      .add(f.title, 'A')
      .addPlaces(doc.linkedPlaceIds, 'B')
      .add(f.meta, 'B')
      .add(f.names, 'B')
      .add(f.body, 'C')
      .add(f.notes, 'C')
      .addBag(f.pdf, 'D')
      .toLiteral();
    // The head: what the work is about, with the same weights, small enough to stay in the row.
    const head = new TsvectorBuilder()
      .add(f.title, 'A')
      .addPlaces(doc.linkedPlaceIds, 'B')
      .add(f.meta, 'B')
      .add(f.names, 'B')
      .toLiteral();
    await sql`insert into search_docs (publication_id, content_hash, indexed_at, tsv)
      values (${doc.publicationId}, ${doc.hash}, ${at}, ${tsv}::tsvector)
      on conflict (publication_id) do update set content_hash = excluded.content_hash,
        indexed_at = excluded.indexed_at, tsv = excluded.tsv`.execute(db);
    // In a table of its own, so that search_docs stays narrow (migration 0090).
    await sql`insert into search_heads (publication_id, head)
      values (${doc.publicationId}, ${head}::tsvector)
      on conflict (publication_id) do update set head = excluded.head`.execute(db);
    await this.tables.writeFacets(doc, tx);
  }

  deleteDocument(publicationId: number, tx?: Tx): Promise<void> {
    return this.tables.deleteDocument(publicationId, tx);
  }

  async writePages(storedFileId: number, pages: readonly IndexedPage[], tx?: Tx): Promise<void> {
    const db = dbOrTx(this.db, tx);
    await this.tables.deletePages(storedFileId, tx);
    for (const page of pages) {
      const row = this.tables.pageRow(page);
      const tsv = new TsvectorBuilder().add(page.text, 'A').toLiteral();
      await sql`insert into search_pages (id, stored_file_id, page_number, content_hash, tsv)
        values (${row.id}, ${row.storedFileId}, ${row.pageNumber}, ${row.contentHash},
          ${tsv}::tsvector)`.execute(db);
    }
  }

  clear(tx?: Tx): Promise<void> {
    return this.tables.clear(tx);
  }

  /**
   * The visible publications a query matches; `pages: false` leaves out the page-by-page search
   * for phrases (see matchedSql), giving only the entries' own matches.
   */
  protected hitsSql(q: IndexQuery, columns: ReturnType<typeof sql>, pages = true) {
    const where = publicResults(q.constraints, q.now);
    if (!q.match) {
      return sql`select ${columns} from publications
        join search_docs on search_docs.publication_id = publications.id where ${where}`;
    }
    return sql`select ${columns} from (${this.matchedSql(q.match, true, pages)}) h
      join publications on publications.id = h.id where ${where}`;
  }

  /**
   * The publications a match finds, hidden ones included, with their rank if `scored`. The
   * publication's tsvector answers alone, except for phrases: it keeps its PDFs' words without
   * positions, so a phrase is also looked for page by page.
   */
  private matchedSql(match: MatchExpr, scored: boolean, pages = true) {
    const query = sql`${toTsquery(match)}::tsquery`;
    const score = scored
      ? sql`ts_rank(${RANK_WEIGHTS}, d.tsv, ${query}, ${RANK_NORMALIZATION})`
      : sql`0`;
    const docs = sql`select d.publication_id as id, ${score} as score
      from search_docs d where d.tsv @@ ${query}`;
    return pages && hasPhrase(match)
      ? sql`select id, max(score) as score from (${docs}
          union all select a.publication_id as id, 0 as score from search_pages p
          join attachments a on a.stored_file_id = p.stored_file_id
          where p.tsv @@ ${query}) u group by id`
      : docs;
  }

  rank(q: IndexQuery & { match: MatchExpr }, over: 'head' | 'whole', limit: number) {
    return over === 'head' ? this.rankedHead(q.match, q, limit) : this.rankedWhole(q, limit);
  }

  /**
   * The best `limit` visible hits ranked over whole entries. A phrase found only on a PDF's
   * page scores 0 and ranks after every entry that holds it; when the entries' own matches fill
   * the window, the pages (a phrase of common words rechecked on most of them) are not searched.
   */
  private async rankedWhole(q: IndexQuery, limit: number): Promise<RankedHit[]> {
    if (q.match && hasPhrase(q.match)) {
      const entries = await this.rankedWholeOf(q, limit, false);
      if (entries.length === limit && entries.every((h) => h.score > 0)) return entries;
    }
    return this.rankedWholeOf(q, limit, true);
  }

  private async rankedWholeOf(q: IndexQuery, limit: number, pages: boolean) {
    if (q.match && q.constraints.length === 0) {
      const match = q.match;
      const hits = await rankFirst(
        limit,
        (window) =>
          this.topRows(
            sql`select id, score from (${this.matchedSql(match, true, pages)}) m`,
            window,
          ),
        (ids) => this.visibleAmong(ids, q),
      );
      if (hits) return hits;
    }
    const columns = sql`publications.id as id, h.score as score`;
    const rows = await this.read(
      sql<{ id: number; score: number }>`${this.hitsSql(q, columns, pages)}
        order by score desc, publications.published_at desc, publications.id desc limit ${limit}`,
      true,
    );
    return rows.map((r) => ({ publicationId: r.id, score: Number(r.score) }));
  }

  /** The best `window` rows of a ranked match, visible or not, best first. */
  private async topRows(ranked: RawBuilder<unknown>, window: number): Promise<RankedHit[]> {
    const rows = await this.read(
      sql<{ id: number; score: number }>`${ranked}
        order by score desc, id desc limit ${window}`,
      true,
    );
    return rows.map((r) => ({ publicationId: Number(r.id), score: Number(r.score) }));
  }

  private async visibleAmong(ids: number[], q: IndexQuery): Promise<ReadonlySet<number>> {
    const rows = await this.read(
      sql<{ id: number }>`select publications.id as id from publications
        where publications.id in (${sql.join(ids)}) and ${publicResults(q.constraints, q.now)}`,
      false,
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The best `limit` visible hits among the works whose head holds the query. */
  private async rankedHead(match: MatchExpr, q: IndexQuery, limit: number): Promise<RankedHit[]> {
    const query = sql`${toTsquery(match)}::tsquery`;
    const score = sql`ts_rank(${RANK_WEIGHTS}, d.head, ${query}, ${RANK_NORMALIZATION})`;
    if (q.constraints.length === 0) {
      const hits = await rankFirst(
        limit,
        (window) =>
          this.topRows(
            sql`select d.publication_id as id, ${score} as score
              from search_heads d where d.head @@ ${query}`,
            window,
          ),
        (ids) => this.visibleAmong(ids, q),
      );
      if (hits) return hits;
    }
    const rows = await this.read(
      sql<{ id: number; score: number }>`select publications.id as id, ${score} as score
      from search_heads d join publications on publications.id = d.publication_id
      where d.head @@ ${query} and ${publicResults(q.constraints, q.now)}
      order by score desc, publications.published_at desc, publications.id desc limit ${limit}`,
      true,
    );
    return rows.map((r) => ({ publicationId: r.id, score: Number(r.score) }));
  }

  /** With a limit and a phrase, the entries' own matches first: if they reach it, that is all. */
  async count(q: IndexQuery, atMost?: number): Promise<number> {
    if (atMost !== undefined && q.match && hasPhrase(q.match)) {
      const entries = await this.countOf(q, atMost, false);
      if (entries >= atMost) return entries;
    }
    return this.countOf(q, atMost, true);
  }

  private async countOf(q: IndexQuery, atMost: number | undefined, pages: boolean) {
    const hits = this.hitsSql(q, sql`publications.id`, pages);
    const limited = atMost === undefined ? hits : sql`${hits} limit ${atMost}`;
    const rows = await this.read(
      sql<{ n: number }>`select count(*) as n from (${limited}) c`,
      q.match !== null,
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** The match runs here; the counting, in memory (facet-columns.ts). */
  async facets(q: IndexQuery): Promise<FacetCounts> {
    if (!q.match) return this.columns.count(null, q.constraints, q.now);
    const rows = await this.read(
      sql<{ ids: string | null }>`select string_agg(id::text, ',') as ids
        from (${this.matchedSql(q.match, false)}) m`,
      true,
    );
    return this.columns.count(idList(rows[0]?.ids ?? null), q.constraints, q.now);
  }

  async termCandidates(word: string): Promise<string[]> {
    // pg_trgm finds words that share most trigrams, whatever the first letter; the same
    // first-letter scan as SQLite's adds the short words trigrams miss.
    const { rows } = await sql<{ term: string }>`select term from search_terms
      where term % ${word} order by similarity(term, ${word}) desc limit 200`.execute(this.db);
    const near = await this.tables.termsNear(word);
    return [...new Set([...rows.map((r) => r.term), ...near])];
  }

  async rawTop(match: MatchExpr, limit: number): Promise<number[]> {
    const query = sql`${toTsquery(match)}::tsquery`;
    const rows = await this.read(
      sql<{ id: number }>`select publication_id as id from search_docs
      where tsv @@ ${query}
      order by ts_rank(${RANK_WEIGHTS}, tsv, ${query}, ${RANK_NORMALIZATION}) desc
      limit ${limit}`,
      true,
    );
    return rows.map((r) => r.id);
  }

  async matchingPublications(match: MatchExpr, tx?: Tx): Promise<number[]> {
    const { rows } = await sql<{ id: number }>`select publication_id as id from search_docs
      where tsv @@ ${toTsquery(match)}::tsquery`.execute(dbOrTx(this.db, tx));
    return rows.map((r) => r.id);
  }
}
