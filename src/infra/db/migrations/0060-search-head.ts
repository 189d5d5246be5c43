import { sql } from 'kysely';
import type { MigrationDb, SqlDialect } from './column-helpers.ts';

/**
 * The head of the search index: what each publication is about (title, subtitle and summary,
 * contributors, topics and places), apart from everything it says. Ranking a word found in most
 * of the archive reads every one of its matches, and whole bodies and PDFs make that slow at
 * 100,000 publications; the head ranks the works that are about the words first, reading only
 * short rows (see docs/ARCHITECTURE.md, Search).
 *
 * - SQLite: a second contentless FTS5 table, keyed like search_fts by publication id. The
 *   page-by-page FTS5 table goes: a result's pages are found by reading them (see
 *   src/search/text-match.ts), and the publication's own entry already matches its PDFs' words.
 * - PostgreSQL: a second, small tsvector per publication with its own GIN index; the whole
 *   vector lives out of line (TOAST), this one in the row.
 *
 * Existing entries get their head at the next `dossier reindex` (the analyzer version moved, so
 * `dossier reindex --check` reports every one as drifted until then); meanwhile searches still
 * find everything through the whole index.
 */
export function searchHead(dialect: SqlDialect) {
  return {
    async up(db: MigrationDb): Promise<void> {
      if (dialect === 'sqlite') {
        await sql`create virtual table search_head using fts5(
            title, meta, names, alt, plc, stems,
            content='', contentless_delete=1, tokenize='ascii')`.execute(db);
        await sql`drop table search_pages_fts`.execute(db);
        return;
      }
      await sql`alter table search_docs add column head tsvector not null default ''`.execute(db);
      await sql`create index search_docs_head on search_docs using gin (head)`.execute(db);
    },
  };
}
