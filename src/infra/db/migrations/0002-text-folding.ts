import { sql } from 'kysely';
import type { MigrationDb, SqlDialect } from './column-helpers.ts';

/**
 * PostgreSQL's accent folding for search. `unaccent()` is only STABLE (its dictionary could
 * change), so an index cannot use it; the IMMUTABLE wrapper names the dictionary explicitly, which
 * is the documented way to index it. The extensions live wherever the database already has them
 * (often `public`), and the wrapper calls them by that schema, so it works from any search_path.
 * SQLite folds in the application, and needs nothing here.
 */
export function textFolding(dialect: SqlDialect) {
  return {
    async up(db: MigrationDb): Promise<void> {
      if (dialect !== 'postgres') return;
      // Two processes migrating two schemas at once would race on CREATE EXTENSION.
      await sql`select pg_advisory_xact_lock(715201)`.execute(db);
      for (const ext of ['unaccent', 'pg_trgm']) {
        const found = await extensionSchema(db, ext);
        if (!found)
          await sql`create extension if not exists ${sql.raw(ext)} with schema public`.execute(db);
      }
      const schema = (await extensionSchema(db, 'unaccent')) ?? 'public';
      const q = `"${schema.replace(/"/g, '""')}"`;
      await sql
        .raw(
          `create or replace function dossier_unaccent(text) returns text
           language sql immutable parallel safe strict
           as $$ select ${q}.unaccent('${q}.unaccent'::regdictionary, $1) $$`,
        )
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
