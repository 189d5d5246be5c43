import { sql } from 'kysely';
import type { MigrationDb, SqlDialect } from './column-helpers.ts';

/**
 * PostgreSQL: the head tsvectors (0060) move from search_docs to a table of their own.
 *
 * In the row, a head of about 1.4 KB left room for five entries a page of search_docs. Every
 * search with facets reads the ids of all the publications a word matches, through the GIN
 * index of the whole tsvector and then the table's pages: for a word in 30% of 100,000
 * publications, 15,600 of 18,500 pages, more than PostgreSQL's default shared buffers hold, so
 * such a search read most of them from the operating system each time, many times slower than
 * from the cache. Without the head, a row is its id, hash, date and the pointer to its
 * out-of-line tsvector: about fifty a page, and the whole table is a tenth of its size.
 *
 * The heads keep their own GIN index and stay in their rows, so ranking by the head still reads
 * only short rows. CLUSTER rewrites search_docs at once, since dropping a column leaves its bytes
 * in every row until the row is written again; on a new database the table is empty and this is
 * instant. SQLite keeps its heads in a separate FTS5 table already.
 */
export function searchHeads(dialect: SqlDialect) {
  return {
    async up(db: MigrationDb): Promise<void> {
      if (dialect === 'sqlite') return;
      await sql`create table search_heads (
          publication_id integer primary key
            references search_docs (publication_id) on delete cascade,
          head tsvector not null)`.execute(db);
      await sql`insert into search_heads (publication_id, head)
          select publication_id, head from search_docs`.execute(db);
      await sql`drop index search_docs_head`.execute(db);
      await sql`alter table search_docs drop column head`.execute(db);
      await sql`cluster search_docs using search_docs_pkey`.execute(db);
      await sql`create index search_heads_head on search_heads using gin (head)`.execute(db);
    },
  };
}
