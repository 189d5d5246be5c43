import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import type { DatabaseConfig } from '../../core/config.ts';
import type { DatabaseHandle, Dialect } from '../../core/database-handle.ts';
import type { Database } from './database.ts';
import { CamelCase, routeDirectly } from './direct-queries.ts';
import { namedStatementClient } from './named-statements.ts';
import { withStatementCache } from './sqlite-statement-cache.ts';
import { WriteLockingSqliteDialect } from './sqlite-write-transactions.ts';

export interface Db extends DatabaseHandle {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** The PostgreSQL pool, for LISTEN/NOTIFY and health checks; null on SQLite. */
  pgPool: pg.Pool | null;
  /** The SQLite handle, for online backup; null on PostgreSQL. */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

let pgModule: typeof pg | null = null;

/**
 * The PostgreSQL driver, loaded on first use: an archive on SQLite never needs it in memory.
 * (A synchronous require, since `connect` is synchronous; `pg` is a CommonJS package.)
 */
function loadPg(): typeof pg {
  if (pgModule) return pgModule;
  const loaded = createRequire(import.meta.url)('pg') as typeof pg;
  // PostgreSQL returns bigint (count(*), sums) as strings to avoid precision loss; every such
  // number in this archive fits a double, and SQLite returns plain numbers, so both must look alike.
  loaded.types.setTypeParser(loaded.types.builtins.INT8, (v) => Number.parseInt(v, 10));
  loaded.types.setTypeParser(loaded.types.builtins.NUMERIC, (v) => Number.parseFloat(v));
  pgModule = loaded;
  return loaded;
}

export interface ConnectOptions {
  /** PostgreSQL schema to work in (tests give each worker its own). */
  schema?: string;
  /** Largest number of pooled PostgreSQL connections. */
  poolSize?: number;
}

export function connect(config: DatabaseConfig, options: ConnectOptions = {}): Db {
  return config.kind === 'sqlite'
    ? connectSqlite(config.path)
    : connectPostgres(config.url, options);
}

function connectSqlite(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path, { timeout: 5000 });
  // WAL lets readers go on while one writer writes; NORMAL sync is durable across a process
  // crash (only a power loss may lose the last commits), which is the usual WAL trade-off.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({
    dialect: new WriteLockingSqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    kysely,
    dialect: 'sqlite',
    pgPool: null,
    sqlite,
    ping: () => ping(kysely),
    close: () => kysely.destroy(),
  };
}

function connectPostgres(url: string, options: ConnectOptions): Db {
  const driver = loadPg();
  const pool = new driver.Pool({
    Client: namedStatementClient(driver.Client),
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)},public` } : {}),
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const camelCase = new CamelCase();
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [camelCase],
  });
  routeDirectly(kysely, pool, camelCase);
  return {
    kysely,
    dialect: 'postgres',
    pgPool: pool,
    sqlite: null,
    ping: () => ping(kysely),
    close: () => kysely.destroy(),
  };
}

async function ping(kysely: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(kysely);
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
