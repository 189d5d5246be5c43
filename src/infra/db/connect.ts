import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import type { DatabaseConfig } from '../../core/config.ts';
import type { DatabaseHandle, Dialect } from '../../core/database-handle.ts';
import { noReplicas, type ReadRouting } from '../../core/read-routing.ts';
import type { Database } from './database.ts';
import { CamelCase, routeDirectly } from './direct-queries.ts';
import { namedStatementClient } from './named-statements.ts';
import { withReplicaReads } from './replicas/read-scope.ts';
import { ReplicaSet } from './replicas/replica-set.ts';
import { RoutingPool } from './replicas/routing-pool.ts';
import { withStatementCache } from './sqlite-statement-cache.ts';
import { WriteLockingSqliteDialect } from './sqlite-write-transactions.ts';

export interface Db extends DatabaseHandle {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** The PostgreSQL primary's pool, for LISTEN/NOTIFY and backups; null on SQLite. */
  pgPool: pg.Pool | null;
  /** The read replicas and their fence, when there are any (replicas/). */
  replicaSet: ReplicaSet | null;
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
    : connectPostgres(config.url, config.replicaUrls ?? [], options);
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
    replicaSet: null,
    sqlite,
    reads: noReplicas,
    ping: () => ping(kysely),
    close: () => kysely.destroy(),
  };
}

function connectPostgres(url: string, replicaUrls: readonly string[], options: ConnectOptions): Db {
  const pool = postgresPool(url, options);
  const replicaSet =
    replicaUrls.length > 0
      ? new ReplicaSet(
          pool,
          replicaUrls.map((replicaUrl) => postgresPool(replicaUrl, options)),
        )
      : null;
  const camelCase = new CamelCase();
  // With replicas, Kysely and the prepared queries take their connections from a pool that
  // chooses the primary or a caught-up replica for each statement; LISTEN and backups keep the
  // primary's own pool.
  const routed = replicaSet ? (new RoutingPool(replicaSet) as unknown as pg.Pool) : pool;
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: routed }),
    plugins: [camelCase],
  });
  routeDirectly(kysely, routed, camelCase);
  return {
    kysely,
    dialect: 'postgres',
    pgPool: pool,
    replicaSet,
    sqlite: null,
    reads: replicaSet ? replicaRouting(replicaSet) : noReplicas,
    ping: () => ping(kysely),
    close: () => kysely.destroy(),
  };
}

function postgresPool(url: string, options: ConnectOptions): pg.Pool {
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
  return pool;
}

function replicaRouting(set: ReplicaSet): ReadRouting {
  return {
    replicaCount: set.replicas.length,
    anonymous: withReplicaReads,
    changedElsewhere: () => set.fenceFromPrimary(),
    replicas: () => set.states(),
  };
}

async function ping(kysely: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(kysely);
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
