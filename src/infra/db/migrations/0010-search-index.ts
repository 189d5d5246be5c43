import { sql } from 'kysely';
import type { MigrationDb, SqlDialect } from './column-helpers.ts';

/**
 * The search index. Tokens are made in TypeScript (src/search/analyzer.ts), so both databases
 * store the same tokens:
 *
 * - SQLite: contentless FTS5 tables (the text lives in publications and pdf_pages; snippets are
 *   cut from there), with `contentless_delete` so that one row can be replaced. The `ascii`
 *   tokenizer only splits on the spaces between our tokens and leaves non-ASCII letters alone.
 * - PostgreSQL: a weighted tsvector per publication and per page, with GIN indexes, and pg_trgm
 *   on the vocabulary for spelling suggestions.
 *
 * search_docs and search_pages record what was indexed and from which content (a hash), for
 * `dossier reindex --check`; search_doc_facets holds the people, topics and places each
 * publication is counted under; search_terms is the vocabulary for suggestions.
 */
export function searchIndex(dialect: SqlDialect) {
  return {
    async up(db: MigrationDb): Promise<void> {
      const s = db.schema;
      let docs = s
        .createTable('search_docs')
        .addColumn('publication_id', 'integer', (c) =>
          c.primaryKey().references('publications.id').onDelete('cascade'),
        )
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('indexed_at', 'text', (c) => c.notNull());
      if (dialect === 'postgres') docs = docs.addColumn('tsv', sql`tsvector`, (c) => c.notNull());
      await docs.execute();

      let pages = s
        .createTable('search_pages')
        .addColumn('id', 'bigint', (c) => c.primaryKey())
        .addColumn('stored_file_id', 'integer', (c) =>
          c.notNull().references('stored_files.id').onDelete('cascade'),
        )
        .addColumn('page_number', 'integer', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull());
      if (dialect === 'postgres') pages = pages.addColumn('tsv', sql`tsvector`, (c) => c.notNull());
      await pages.execute();
      await s
        .createIndex('search_pages_file')
        .on('search_pages')
        .columns(['stored_file_id', 'page_number'])
        .execute();

      await s
        .createTable('search_doc_facets')
        .addColumn('publication_id', 'integer', (c) =>
          c.notNull().references('publications.id').onDelete('cascade'),
        )
        .addColumn('facet', 'text', (c) => c.notNull())
        .addColumn('value_id', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('search_doc_facets_pk', ['publication_id', 'facet', 'value_id'])
        .execute();
      await s
        .createIndex('search_doc_facets_value')
        .on('search_doc_facets')
        .columns(['facet', 'value_id', 'publication_id'])
        .execute();

      // Every search joins its matches to the visibility facts (and the facet columns) by id.
      // Covering them in one index spares a read of each matching row, body and all: at 100,000
      // publications that is most of the cost of a common word.
      await s
        .createIndex('publications_search_facts')
        .on('publications')
        .columns([
          'id',
          'status',
          'published_at',
          'embargo_until',
          'deleted_at',
          'type',
          'section_id',
          'language',
        ])
        .execute();

      if (dialect === 'sqlite') {
        await s
          .createTable('search_terms')
          .addColumn('term', 'text', (c) => c.primaryKey())
          .modifyEnd(sql`without rowid`)
          .execute();
        await sql`create virtual table search_fts using fts5(
            title, meta, names, body, notes, pdf, alt, plc, stems_hi, stems_lo,
            content='', contentless_delete=1, tokenize='ascii')`.execute(db);
        await sql`create virtual table search_pages_fts using fts5(
            text, alt, plc, stems,
            content='', contentless_delete=1, tokenize='ascii')`.execute(db);
        return;
      }
      // Byte order ("C"), so that the suggestion candidates' range scan is the same as SQLite's.
      await sql`create table search_terms (term text collate "C" primary key)`.execute(db);
      await sql`create index search_docs_tsv on search_docs using gin (tsv)`.execute(db);
      await sql`create index search_pages_tsv on search_pages using gin (tsv)`.execute(db);
      const trgm = await extensionSchema(db, 'pg_trgm');
      const ops = trgm ? `"${trgm.replace(/"/g, '""')}".gin_trgm_ops` : 'gin_trgm_ops';
      await sql
        .raw(`create index search_terms_trgm on search_terms using gin (term ${ops})`)
        .execute(db);
    },
  };
}

async function extensionSchema(db: MigrationDb, name: string): Promise<string | null> {
  const { rows } = await sql<{ schema: string }>`
    select n.nspname as schema from pg_extension e
    join pg_namespace n on n.oid = e.extnamespace where e.extname = ${name}`.execute(db);
  return rows[0]?.schema ?? null;
}
