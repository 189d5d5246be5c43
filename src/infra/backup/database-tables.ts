/**
 * The database side of export and restore: which tables there are (asked of the database
 * itself), their columns, keys and foreign keys, and a consistent read-only snapshot to stream
 * rows from. This is an adapter like the repositories, but generic over tables: a backup must
 * hold tables that no repository knows yet.
 */
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type pg from 'pg';
import type { TableShape } from '../../core/backup/table-order.ts';
import { isExported } from '../../core/backup/table-policy.ts';
import { type Db, quoteIdent } from '../db/connect.ts';

export type Row = Record<string, unknown>;
type Query = (text: string) => Promise<Row[]>;

const MIGRATION_TABLE = 'dossier_migration';
const BATCH = 500;

/** Every table of the schema that a full export holds, with its shape. */
export async function describeTables(db: Db): Promise<TableShape[]> {
  return introspect(db.dialect, liveQuery(db));
}

/** Migrations the database has run, in order. */
export async function migrationsRun(db: Db): Promise<string[]> {
  return readMigrations(liveQuery(db));
}

/** Tables (of those given) that hold at least one row. */
export async function nonEmptyTables(db: Db, tables: readonly string[]): Promise<string[]> {
  const query = liveQuery(db);
  const found: string[] = [];
  for (const t of tables) {
    const rows = await query(`select 1 as one from ${quoteIdent(t)} limit 1`);
    if (rows.length > 0) found.push(t);
  }
  return found;
}

function liveQuery(db: Db): Query {
  const k = db.kysely.withoutPlugins();
  return async (text) => (await sql.raw<Row>(text).execute(k)).rows;
}

async function readMigrations(query: Query): Promise<string[]> {
  const rows = await query(`select name from ${MIGRATION_TABLE} order by name`);
  return rows.map((r) => String(r.name));
}

async function introspect(dialect: Db['dialect'], query: Query): Promise<TableShape[]> {
  return dialect === 'sqlite' ? introspectSqlite(query) : introspectPostgres(query);
}

async function introspectSqlite(query: Query): Promise<TableShape[]> {
  // table_list tells ordinary tables from FTS5's virtual and shadow tables.
  const list = await query('pragma table_list');
  const names = list
    .filter((r) => r.schema === 'main' && r.type === 'table')
    .map((r) => String(r.name))
    .filter(isExported)
    .sort();
  const shapes: TableShape[] = [];
  for (const name of names) {
    const info = await query(`pragma table_info(${quoteIdent(name)})`);
    const fks = await query(`pragma foreign_key_list(${quoteIdent(name)})`);
    const columns = info.map((c) => String(c.name));
    const pk = info
      .filter((c) => Number(c.pk) > 0)
      .sort((a, b) => Number(a.pk) - Number(b.pk))
      .map((c) => String(c.name));
    shapes.push({
      name,
      columns,
      primaryKey: pk.length > 0 ? pk : columns,
      foreignKeys: fks.map((f) => ({ column: String(f.from), table: String(f.table) })),
    });
  }
  return shapes;
}

async function introspectPostgres(query: Query): Promise<TableShape[]> {
  const tables = await query(
    `select table_name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE'`,
  );
  const columns = await query(
    `select table_name, column_name from information_schema.columns
     where table_schema = current_schema() order by table_name, ordinal_position`,
  );
  const keys = await query(
    `select cl.relname as table_name, att.attname as column_name, k.n as position
     from pg_constraint con
     join pg_class cl on cl.oid = con.conrelid
     join pg_namespace ns on ns.oid = cl.relnamespace
     cross join lateral unnest(con.conkey) with ordinality as k(attnum, n)
     join pg_attribute att on att.attrelid = con.conrelid and att.attnum = k.attnum
     where con.contype = 'p' and ns.nspname = current_schema()
     order by cl.relname, k.n`,
  );
  const fks = await query(
    `select cl.relname as table_name, att.attname as column_name, rcl.relname as ref_table
     from pg_constraint con
     join pg_class cl on cl.oid = con.conrelid
     join pg_namespace ns on ns.oid = cl.relnamespace
     join pg_class rcl on rcl.oid = con.confrelid
     cross join lateral unnest(con.conkey) as k(attnum)
     join pg_attribute att on att.attrelid = con.conrelid and att.attnum = k.attnum
     where con.contype = 'f' and ns.nspname = current_schema()
     order by cl.relname, att.attname`,
  );
  const names = tables
    .map((r) => String(r.table_name))
    .filter(isExported)
    .sort();
  return names.map((name) => {
    const cols = columns.filter((c) => c.table_name === name).map((c) => String(c.column_name));
    const pk = keys.filter((k) => k.table_name === name).map((k) => String(k.column_name));
    return {
      name,
      columns: cols,
      primaryKey: pk.length > 0 ? pk : cols,
      foreignKeys: fks
        .filter((f) => f.table_name === name)
        .map((f) => ({ column: String(f.column_name), table: String(f.ref_table) })),
    };
  });
}

/** A consistent, read-only view of the whole database at one moment. */
export interface Snapshot {
  migrations: string[];
  tables: TableShape[];
  /** The table's rows in primary-key order (byte order for text keys), in batches. */
  rows(table: TableShape): AsyncIterable<Row[]>;
  close(): Promise<void>;
}

/**
 * SQLite: a second, read-only connection opens a read transaction; in WAL mode it sees the
 * database as of its first read and neither blocks nor is blocked by writers (a database in
 * memory is copied with serialize() instead). PostgreSQL: one connection in a REPEATABLE READ
 * READ ONLY transaction, rows fetched through a cursor.
 */
export async function openSnapshot(db: Db): Promise<Snapshot> {
  if (db.dialect === 'sqlite') {
    if (!db.sqlite) throw new Error('SQLite handle missing');
    return sqliteSnapshot(db.sqlite);
  }
  if (!db.pgPool) throw new Error('PostgreSQL pool missing');
  return postgresSnapshot(await db.pgPool.connect());
}

async function sqliteSnapshot(live: SQLite.Database): Promise<Snapshot> {
  const conn =
    live.memory || live.name === ':memory:' || live.name === ''
      ? new SQLite(live.serialize())
      : new SQLite(live.name, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    conn.pragma('busy_timeout = 5000');
    conn.exec('begin');
    const query: Query = async (text) => conn.prepare(text).all() as Row[];
    // The first read fixes the snapshot; everything after sees the same moment.
    const migrations = await readMigrations(query);
    const tables = await introspect('sqlite', query);
    return {
      migrations,
      tables,
      async *rows(table) {
        const order = table.primaryKey.map((c) => `${quoteIdent(c)} collate binary`).join(', ');
        const cols = table.columns.map(quoteIdent).join(', ');
        const stmt = conn.prepare(
          `select ${cols} from ${quoteIdent(table.name)} order by ${order}`,
        );
        let batch: Row[] = [];
        for (const row of stmt.iterate() as IterableIterator<Row>) {
          batch.push(row);
          if (batch.length >= BATCH) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
      },
      async close() {
        if (conn.inTransaction) conn.exec('commit');
        conn.close();
      },
    };
  } catch (error) {
    conn.close();
    throw error;
  }
}

async function postgresSnapshot(client: pg.PoolClient): Promise<Snapshot> {
  const query: Query = async (text) => (await client.query(text)).rows as Row[];
  try {
    await client.query('begin isolation level repeatable read read only');
    const migrations = await readMigrations(query);
    const tables = await introspect('postgres', query);
    const textColumns = new Set(
      (
        await query(
          `select table_name || '.' || column_name as col from information_schema.columns
           where table_schema = current_schema()
             and data_type in ('text', 'character varying', 'character')`,
        )
      ).map((r) => String(r.col)),
    );
    return {
      migrations,
      tables,
      async *rows(table) {
        const order = table.primaryKey
          .map((c) =>
            textColumns.has(`${table.name}.${c}`) ? `${quoteIdent(c)} collate "C"` : quoteIdent(c),
          )
          .join(', ');
        const cols = table.columns.map(quoteIdent).join(', ');
        await client.query(
          `declare backup_rows no scroll cursor for select ${cols} from ${quoteIdent(table.name)} order by ${order}`,
        );
        try {
          for (;;) {
            const { rows } = await client.query(`fetch ${BATCH} from backup_rows`);
            if (rows.length === 0) break;
            yield rows as Row[];
          }
        } finally {
          await client.query('close backup_rows').catch(() => {});
        }
      },
      async close() {
        await client.query('commit').catch(() => {});
        client.release();
      },
    };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    client.release();
    throw error;
  }
}
