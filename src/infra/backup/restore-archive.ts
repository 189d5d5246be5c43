import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import {
  ArchiveRecordsRefusedError,
  DamagedArchiveError,
  RestoreRefusedError,
} from '../../core/backup/backup-errors.ts';
import {
  expectedParts,
  MANIFEST_HASH_NAME,
  MANIFEST_NAME,
  type Manifest,
  parseManifest,
  type TablePart,
} from '../../core/backup/manifest.ts';
import { decodeRow, lineSplitter, type SqlValue } from '../../core/backup/rows.ts';
import {
  respectsForeignKeys,
  selfReferences,
  type TableShape,
} from '../../core/backup/table-order.ts';
import type { Dialect } from '../../core/database-handle.ts';
import type { Transactor, Tx } from '../../core/ports.ts';
import { quoteIdent } from '../db/connect.ts';
import { databaseFailure } from '../db/database-failure.ts';
import { findBrokenReference } from './broken-reference.ts';
import { describeTables, migrationsRun, nonEmptyTables } from './database-tables.ts';
import type { BackupDeps } from './export-archive.ts';
import { readTar, type TarEntry } from './tar-io.ts';

const damaged = (why: string) =>
  new DamagedArchiveError(`The archive is damaged: ${why}. Nothing was restored.`);

/**
 * Reads the whole archive once and checks it against its manifest: every part present, of the
 * stated size and SHA-256, nothing extra, nothing missing. Returns the manifest; throws a
 * DamagedArchiveError before anything else happens.
 */
export async function verifyArchive(
  path: string,
  onPart: (done: number, total: number) => void = () => {},
): Promise<Manifest> {
  let manifest: Manifest | null = null;
  let manifestHash = '';
  let expected = new Map<string, { bytes: number; sha256: string }>();
  const seen = new Set<string>();
  let index = 0;
  for await (const entry of readTar(path)) {
    if (index === 0) {
      if (entry.name !== MANIFEST_NAME) throw damaged(`it does not begin with ${MANIFEST_NAME}`);
      const bytes = await readAll(entry.body);
      manifestHash = sha256(bytes);
      manifest = parseManifest(bytes.toString('utf8'));
      if (!manifest) throw damaged(`${MANIFEST_NAME} is not a Dossier export manifest`);
      expected = expectedParts(manifest);
    } else if (index === 1) {
      if (entry.name !== MANIFEST_HASH_NAME) throw damaged(`${MANIFEST_HASH_NAME} is missing`);
      const stated = (await readAll(entry.body)).toString('utf8').split(/\s/)[0];
      if (stated !== manifestHash) throw damaged(`${MANIFEST_NAME} does not match its checksum`);
    } else {
      const part = expected.get(entry.name);
      if (!part || seen.has(entry.name)) throw damaged(`unexpected entry ${entry.name}`);
      const { hash, size } = await hashStream(entry.body);
      if (size !== part.bytes || hash !== part.sha256) {
        throw damaged(`${entry.name} does not match its checksum`);
      }
      seen.add(entry.name);
      onPart(seen.size, expected.size);
    }
    index++;
  }
  if (!manifest) throw damaged('it is empty or not a tar archive');
  if (index < 2) throw damaged(`${MANIFEST_HASH_NAME} is missing`);
  const missing = [...expected.keys()].filter((p) => !seen.has(p));
  if (missing.length > 0) {
    throw damaged(
      `${missing.length} part(s) are missing, starting with ${missing[0]} (is it truncated?)`,
    );
  }
  return manifest;
}

export type RestorePhase = 'verifying' | 'loading' | 'indexing';

export interface RestoreResult {
  manifest: Manifest;
  rows: number;
  files: number;
  indexed: { publications: number; files: number };
}

export interface RestoreDeps extends BackupDeps {
  transactor: Transactor;
  search: {
    indexer: {
      rebuild(
        transactor: Transactor,
        onProgress?: (done: number, total: number) => void,
      ): Promise<{ publications: number; files: number }>;
    };
  };
}

/**
 * Loads a verified archive into an empty instance of either database: all rows in one
 * transaction, in foreign-key order and with their ids, then the identity sequences moved past
 * them (PostgreSQL), the files into the store, and the search index rebuilt.
 */
export async function restoreArchive(
  deps: RestoreDeps,
  path: string,
  actor: Actor,
  /** Called as each phase begins, then with how many of its parts are done. */
  onPhase: (phase: RestorePhase, done?: number, total?: number) => void = () => {},
): Promise<RestoreResult> {
  onPhase('verifying');
  const manifest = await verifyArchive(path, (done, total) => onPhase('verifying', done, total));
  onPhase('loading');
  const shapes = await checkTarget(deps, manifest);
  const byName = new Map(shapes.map((s) => [s.name, s]));
  const tableParts = new Map(manifest.tables.map((t) => [t.path, t]));
  const fileParts = new Map(manifest.files.map((f) => [f.path, f]));

  let rows = 0;
  let files = 0;
  const parts = tableParts.size + fileParts.size;
  let loaded = 0;
  await deps.db.kysely.transaction().execute(async (tx) => {
    const trx = tx.withoutPlugins() as unknown as Kysely<Record<string, never>>;
    for await (const entry of readTar(path)) {
      const table = tableParts.get(entry.name);
      const file = fileParts.get(entry.name);
      if (table) {
        rows += await loadTable(trx, deps.db.dialect, table, byName.get(table.table)!, entry);
      } else if (file) {
        const body = hashing(entry.body);
        // The archive's checksums were verified first; its files include the WARCs of captured
        // sources, which only the archive itself ever stores.
        const stored = await deps.files.put(body.stream, {
          maxBytes: Number.MAX_SAFE_INTEGER,
          stripImageMetadata: false,
          webArchive: true,
        });
        if (stored.sha256 !== file.sha256 || body.digest() !== file.sha256) {
          throw damaged(`${entry.name} changed while it was being restored`);
        }
        files++;
      } else {
        await drain(entry.body);
        continue;
      }
      onPhase('loading', ++loaded, parts);
    }
    if (deps.db.dialect === 'postgres') await resetSequences(trx, manifest.tables);
    await appendAudit(tx as unknown as Tx, deps, manifest, actor);
  });
  onPhase('indexing');
  const indexed = await deps.search.indexer.rebuild(deps.transactor, (done, total) =>
    onPhase('indexing', done, total),
  );
  return { manifest, rows, files, indexed };
}

/** Refuses a target whose schema differs from the archive's or that holds any data. */
async function checkTarget(deps: BackupDeps, manifest: Manifest): Promise<TableShape[]> {
  const migrations = await migrationsRun(deps.db);
  if (migrations.join('\n') !== manifest.migrations.join('\n')) {
    throw new RestoreRefusedError(
      `The archive has schema version ${manifest.schemaVersion || '(none)'} but this database has ${migrations.at(-1) ?? '(none)'}; restore with the Dossier version that made the export.`,
    );
  }
  const shapes = await describeTables(deps.db);
  const here = new Map(shapes.map((s) => [s.name, s]));
  for (const t of manifest.tables) {
    const shape = here.get(t.table);
    const same =
      shape &&
      shape.columns.length === t.columns.length &&
      t.columns.every((c) => shape.columns.includes(c));
    if (!same) {
      throw new RestoreRefusedError(
        `Table ${t.table} in the archive does not match this database's schema; nothing was restored.`,
      );
    }
  }
  const absent = shapes.filter((s) => !manifest.tables.some((t) => t.table === s.name));
  if (absent.length > 0) {
    throw new RestoreRefusedError(
      `The archive lacks table(s) this database has (${absent.map((s) => s.name).join(', ')}); nothing was restored.`,
    );
  }
  if (
    !respectsForeignKeys(
      manifest.tables.map((t) => t.table),
      shapes,
    )
  ) {
    throw new RestoreRefusedError(
      "The archive lists its tables in an order that breaks this database's foreign keys; nothing was restored.",
    );
  }
  const occupied = await nonEmptyTables(
    deps.db,
    shapes.map((s) => s.name),
  );
  if (occupied.length > 0) {
    throw new RestoreRefusedError(
      `The target database is not empty (${occupied.slice(0, 5).join(', ')}${occupied.length > 5 ? ', …' : ''} hold rows); restore only into a new, empty instance.`,
    );
  }
  return shapes;
}

/**
 * Runs one write of a table's rows under a savepoint. When the database refuses it, the
 * transaction goes back to before it (PostgreSQL would otherwise refuse every later statement),
 * the broken row is looked for, and the refusal is raised naming it; the caller's transaction
 * then rolls everything back.
 */
async function refusedAs<T>(
  trx: Kysely<Record<string, never>>,
  dialect: Dialect,
  shape: TableShape,
  rows: ReadonlyArray<Record<string, SqlValue>>,
  write: () => Promise<T>,
): Promise<T> {
  await sql`savepoint restore_rows`.execute(trx);
  try {
    const result = await write();
    await sql`release savepoint restore_rows`.execute(trx);
    return result;
  } catch (error) {
    const failure = databaseFailure(error);
    if (!failure) throw error;
    await sql`rollback to savepoint restore_rows`.execute(trx);
    const broken = await findBrokenReference(trx, dialect, shape.name, shape.primaryKey, rows);
    throw new ArchiveRecordsRefusedError(
      `The archive cannot be restored: ${broken ?? `the database refused rows of ${shape.name} (${failure.message})`}. Nothing was restored.`,
    );
  }
}

async function loadTable(
  trx: Kysely<Record<string, never>>,
  dialect: Dialect,
  part: TablePart,
  shape: TableShape,
  entry: TarEntry,
): Promise<number> {
  const deferred = selfReferences(shape);
  const later: Array<Record<string, SqlValue>> = [];
  // Parameters per statement stay under both databases' limits.
  const batchSize = Math.max(1, Math.min(500, Math.floor(30000 / part.columns.length)));
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const lines = lineSplitter();
  let batch: Array<Record<string, SqlValue>> = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    await refusedAs(trx, dialect, shape, rows, () =>
      trx
        .insertInto(part.table as never)
        .values(rows as never)
        .execute(),
    );
    batch = [];
  };
  const take = async (line: string) => {
    const row = decodeRow(line, part.columns);
    if (!row) throw damaged(`row ${count + 1} of ${part.path} is not a record of that table`);
    const pending: Record<string, SqlValue> = {};
    for (const c of deferred) {
      if (row[c] !== null) {
        pending[c] = row[c]!;
        row[c] = null;
      }
    }
    if (Object.keys(pending).length > 0) {
      for (const c of shape.primaryKey) pending[`\0${c}`] = row[c]!;
      later.push(pending);
    }
    batch.push(row);
    count++;
    if (batch.length >= batchSize) await flush();
  };
  for await (const chunk of entry.body) {
    hash.update(chunk);
    for (const line of lines.push(decoder.decode(chunk, { stream: true }))) await take(line);
  }
  const rest = lines.end() + decoder.decode();
  if (rest !== '') await take(rest);
  await flush();
  if (hash.digest('hex') !== part.sha256 || count !== part.rows) {
    throw damaged(`${part.path} changed while it was being restored`);
  }
  for (const p of later) {
    const sets = deferred.filter((c) => c in p).map((c) => sql`${sql.ref(c)} = ${p[c]}`);
    const where = shape.primaryKey.map((c) => sql`${sql.ref(c)} = ${p[`\0${c}`]}`);
    const row: Record<string, SqlValue> = { ...p };
    for (const c of shape.primaryKey) row[c] = p[`\0${c}`]!;
    await refusedAs(trx, dialect, shape, [row], () =>
      sql`update ${sql.table(part.table)} set ${sql.join(sets)} where ${sql.join(where, sql` and `)}`.execute(
        trx,
      ),
    );
  }
  return count;
}

/** Moves every identity sequence past the ids just loaded, so new rows get fresh ones. */
async function resetSequences(trx: Kysely<Record<string, never>>, tables: readonly TablePart[]) {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema()
      and (is_identity = 'YES' or column_default like 'nextval(%')`.execute(trx);
  const exported = new Set(tables.map((t) => t.table));
  for (const r of rows) {
    if (!exported.has(r.table_name)) continue;
    const table = sql.raw(quoteIdent(r.table_name));
    const column = sql.raw(quoteIdent(r.column_name));
    await sql`select setval(
        pg_get_serial_sequence(${quoteIdent(r.table_name)}, ${r.column_name}),
        (select coalesce(max(${column}), 0) + 1 from ${table}),
        false)`.execute(trx);
  }
}

async function appendAudit(tx: Tx, deps: BackupDeps, manifest: Manifest, actor: Actor) {
  await deps.audit.record(
    { userId: null, label: actor.label, ip: actor.ip },
    'backup.restored',
    { type: 'storage' },
    {
      createdAt: manifest.createdAt,
      schemaVersion: manifest.schemaVersion,
      sourceDialect: manifest.sourceDialect,
      counts: manifest.counts,
    },
    tx,
  );
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function readAll(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const c of body) {
    size += c.byteLength;
    // A manifest lists every file; even a very large archive's stays far below this.
    if (size > 512 * 1024 * 1024) throw damaged(`${MANIFEST_NAME} is implausibly large`);
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}

async function hashStream(body: AsyncIterable<Uint8Array>) {
  const hash = createHash('sha256');
  let size = 0;
  for await (const c of body) {
    hash.update(c);
    size += c.byteLength;
  }
  return { hash: hash.digest('hex'), size };
}

async function drain(body: AsyncIterable<Uint8Array>) {
  for await (const _ of body) {
    // read and dropped
  }
}

function hashing(body: AsyncIterable<Uint8Array>) {
  const hash = createHash('sha256');
  return {
    stream: (async function* () {
      for await (const c of body) {
        hash.update(c);
        yield c;
      }
    })(),
    digest: () => hash.digest('hex'),
  };
}
