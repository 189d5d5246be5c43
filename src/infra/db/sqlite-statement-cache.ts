import type { Database, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Enough for every query shape the app builds, with room for `in (?, ?, …)` lists of any length. */
const DEFAULT_CAPACITY = 1_000;

/**
 * The database as Kysely's SQLite dialect sees it, keeping prepared statements by their SQL.
 *
 * Kysely prepares every query afresh; on a page that runs twenty small indexed queries,
 * compiling them took as long as running them. A statement is reusable once its last run has
 * returned: `all` and `run` return whole, and Kysely's one connection runs one query at a time.
 * A statement still held by an iterator left open is `busy`; it is never handed out, and that
 * query gets a fresh, uncached statement. SQLite re-prepares a cached statement by itself after
 * a schema change.
 */
export function withStatementCache(
  sqlite: Database,
  capacity = DEFAULT_CAPACITY,
): SqliteDatabase & { readonly size: number } {
  // A Map iterates in insertion order; re-inserting on use makes it a least-recently-used list.
  const statements = new Map<string, Statement>();
  return {
    get size() {
      return statements.size;
    },
    close() {
      statements.clear();
      sqlite.close();
    },
    prepare(sql: string) {
      const cached = statements.get(sql);
      if (cached && !cached.busy) {
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (cached) return statement;
      statements.set(sql, statement);
      if (statements.size > capacity) {
        const oldest = statements.keys().next().value as string;
        statements.delete(oldest);
      }
      return statement;
    },
  };
}
