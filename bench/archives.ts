/**
 * Generated archives for the page benchmark and the soak, built with bench/generate-archive.ts
 * (the search benchmark's generator, same spec and seed) and the real indexer, cached in
 * bench/.cache/ under names of their own (`pages-…`): a benchmark must never rename or delete
 * an archive another benchmark is building at the same moment.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { createContext } from '../src/context.ts';
import type { Config } from '../src/core/config.ts';
import { connect, type Db, quoteIdent } from '../src/infra/db/connect.ts';
import { migrateToLatest } from '../src/infra/db/migrate.ts';
import { type ArchiveFacts, defaultSpec, generateArchive } from './generate-archive.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const CACHE = join(here, '.cache');
export const RESULTS = join(here, 'results');
/** Bump when the generator or the index layout changes, so stale archives are rebuilt. */
export const CACHE_VERSION = 6;
export const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type Backend = 'sqlite' | 'postgres';

export interface Archive {
  backend: Backend;
  size: number;
  /** DATABASE_URL for a server process. */
  databaseUrl: string;
  facts: ArchiveFacts;
  buildSeconds: number | null;
}

/** Opens (building once if needed) the archive of `size` publications on `backend`. */
/**
 * The archive of this size for the page benchmark and the soak. `writes`: the caller will change
 * it (the soak publishes edits), so it never reads the search benchmark's archive in place.
 */
export async function ensureArchive(
  backend: Backend,
  size: number,
  options: { writes?: boolean } = {},
): Promise<Archive> {
  mkdirSync(CACHE, { recursive: true });
  const marker = join(CACHE, `pages-${backend}-${size}-v${CACHE_VERSION}.json`);
  let buildSeconds: number | null = null;
  let databaseUrl: string;
  if (backend === 'sqlite') {
    const path = join(CACHE, `pages-sqlite-${size}-v${CACHE_VERSION}.db`);
    if (!existsSync(path) || !existsSync(marker)) {
      const tmp = `${path}.building`;
      // Another benchmark may be building the same archive right now: never pull it away.
      if (existsSync(tmp) && Date.now() - statSync(tmp).mtimeMs < 120_000) {
        throw new Error(`${tmp} is being built by another run; try again when it is done`);
      }
      rmSync(tmp, { force: true });
      // The search benchmark's finished archive of this size is the same archive (one
      // generator, spec and seed, the real indexer): a copy is far quicker than a build.
      const twin = join(CACHE, `sqlite-${size}-v${CACHE_VERSION}`);
      if (existsSync(`${twin}.db`) && existsSync(`${twin}.json`)) {
        copyFileSync(`${twin}.db`, tmp);
        copyFileSync(`${twin}.json`, marker);
      } else {
        buildSeconds = await buildSqliteArchive(tmp, size, marker);
      }
      renameSync(tmp, path);
    }
    databaseUrl = `sqlite:${path}`;
  } else {
    const dbConfig: Config['database'] = { kind: 'postgres', url: PG_URL };
    // As on SQLite, the search benchmark's finished archive is the same archive; the pages only
    // read it, so it is used in place (PostgreSQL has no cheap copy of a schema).
    const twin = searchArchiveSchema(size);
    const twinMarker = join(CACHE, `postgres-${size}-v${CACHE_VERSION}.json`);
    const shared = !options.writes && existsSync(twinMarker) && (await schemaExists(twin));
    const schema = shared ? twin : `dossier_pages_${size}_v${CACHE_VERSION}`;
    if (shared) copyFileSync(twinMarker, marker);
    else if (!existsSync(marker) || !(await schemaExists(schema))) {
      await adminQuery(`drop schema if exists ${quoteIdent(schema)} cascade`);
      await adminQuery(`create schema ${quoteIdent(schema)}`);
      const building = connect(dbConfig, { schema, poolSize: 2 });
      buildSeconds = await buildArchive(building, dbConfig, size, marker);
      // As autovacuum leaves a table some time after a bulk load: the visibility map set, so
      // counts are answered from the covering indexes alone, and the statistics current.
      await adminQuery('vacuum analyze');
      await building.close();
    }
    const sep = PG_URL.includes('?') ? '&' : '?';
    databaseUrl = `${PG_URL}${sep}options=${encodeURIComponent(`-c search_path=${schema},public`)}`;
  }
  const stored = JSON.parse(readFileSync(marker, 'utf8'));
  const facts = stored.facts as ArchiveFacts;
  facts.spec.now = new Date(facts.spec.now);
  return { backend, size, databaseUrl, facts, buildSeconds: buildSeconds ?? null };
}

/**
 * Generates an archive of `size` publications into a migrated database and indexes it with the
 * real indexer; writes the generator's facts and the build times to `marker`.
 */
export async function buildArchive(
  db: Db,
  dbConfig: Config['database'],
  size: number,
  marker: string,
): Promise<number> {
  await migrateToLatest(db);
  const spec = defaultSpec(size);
  const started = performance.now();
  const facts = await generateArchive(db, spec, (done, total) => {
    if (done % 5000 < 250 || done === total) process.stderr.write(`  generated ${done}/${total}\r`);
  });
  const generated = performance.now();
  const config: Config = {
    port: 0,
    dataDir: CACHE,
    filesDir: join(CACHE, 'files'),
    database: dbConfig,
    publicUrl: 'http://localhost',
  };
  const ctx = await createContext(config, { db, clock: { now: () => spec.now } });
  // PostgreSQL: a GIN index built once over all rows is many times faster than one grown row by
  // row, which slows as it grows; the archive is indexed without them and they are made at the end.
  const gin = db.dialect === 'postgres' ? await dropGinIndexes(db) : [];
  await ctx.search.indexer.rebuild(ctx.transactor, (done, total) => {
    if (done % 2000 < 200 || done === total)
      process.stderr.write(`  indexed ${done}/${total}    \r`);
  });
  await recreateIndexes(db, gin);
  const indexed = performance.now();
  const seconds = {
    generate: Math.round((generated - started) / 10) / 100,
    index: Math.round((indexed - generated) / 10) / 100,
  };
  process.stderr.write(
    `\n  built ${size}: generated in ${seconds.generate} s, indexed in ${seconds.index} s\n`,
  );
  writeFileSync(marker, JSON.stringify({ buildSeconds: seconds, facts }));
  return seconds.generate + seconds.index;
}

/**
 * Builds an archive of `size` publications into the SQLite file `tmp`, without waiting for the
 * disk (a crash only loses the build), and leaves it whole in that one file for the caller to
 * rename into place.
 */
export async function buildSqliteArchive(tmp: string, size: number, marker: string) {
  const building = connect({ kind: 'sqlite', path: tmp });
  building.sqlite?.pragma('synchronous = OFF');
  const seconds = await buildArchive(building, { kind: 'sqlite', path: tmp }, size, marker);
  await building.close();
  for (const ext of ['-wal', '-shm']) rmSync(`${tmp}${ext}`, { force: true });
  return seconds;
}

/** Drops the schema's GIN indexes and returns their definitions. */
async function dropGinIndexes(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string; def: string }>`select indexname as name,
    indexdef as def from pg_indexes
    where schemaname = current_schema() and indexdef ilike '% using gin %'`.execute(db.kysely);
  for (const r of rows) await sql.raw(`drop index ${quoteIdent(r.name)}`).execute(db.kysely);
  return rows.map((r) => r.def);
}

async function recreateIndexes(db: Db, definitions: readonly string[]): Promise<void> {
  if (definitions.length === 0) return;
  await db.kysely.connection().execute(async (c) => {
    await sql`set maintenance_work_mem = '1GB'`.execute(c);
    for (const def of definitions) await sql.raw(def).execute(c);
  });
}

/** The schema the search benchmark builds its PostgreSQL archive of this size in. */
export function searchArchiveSchema(size: number): string {
  return `dossier_bench_${size}_v${CACHE_VERSION}`;
}

export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function schemaExists(schema: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    const r = await client.query('select 1 from pg_namespace where nspname = $1', [schema]);
    return (r.rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}
