import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Actor } from '../../core/actor.ts';
import type { AuditTrail } from '../../core/audit-trail.ts';
import { ExportFailedError } from '../../core/backup/backup-errors.ts';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  type FilePart,
  filePath,
  MANIFEST_HASH_NAME,
  MANIFEST_NAME,
  type Manifest,
  type TablePart,
  tablePath,
} from '../../core/backup/manifest.ts';
import { encodeRow } from '../../core/backup/rows.ts';
import { loadOrder } from '../../core/backup/table-order.ts';
import { EXCLUDED_TABLES } from '../../core/backup/table-policy.ts';
import type { Clock, FileStore } from '../../core/ports.ts';
import type { Repositories } from '../../core/repositories.ts';
import type { Db } from '../db/connect.ts';
import { openSnapshot } from './database-tables.ts';
import { tarWriter } from './tar-io.ts';

export interface BackupDeps {
  db: Db;
  files: FileStore;
  clock: Clock;
  audit: AuditTrail;
  repos: Pick<Repositories, 'audit'>;
}

export type ExportProgress = (phase: 'tables' | 'files', done: number, total: number) => void;

/**
 * Writes a full export of the instance to `target`: every exported table as JSON lines, every
 * stored file, and a manifest with the SHA-256 of each part. The rows are read from one
 * consistent snapshot, so the server can keep running. The archive appears under its name only
 * when it is complete (written beside it, then renamed).
 */
export async function exportArchive(
  deps: BackupDeps,
  target: string,
  actor: Actor,
  onProgress: ExportProgress = () => {},
): Promise<Manifest> {
  const work = await mkdtemp(join(tmpdir(), 'dossier-export-'));
  const partial = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}`);
  let writer: ReturnType<typeof tarWriter> | null = null;
  try {
    const snapshot = await openSnapshot(deps.db);
    const createdAt = deps.clock.now().toISOString();
    const tables: TablePart[] = [];
    const blobs = new Map<string, number>();
    try {
      const byName = new Map(snapshot.tables.map((t) => [t.name, t]));
      const order = loadOrder(snapshot.tables);
      for (const [i, name] of order.entries()) {
        const shape = byName.get(name)!;
        tables.push(await dumpTable(work, shape, snapshot.rows(shape), blobs));
        onProgress('tables', i + 1, order.length);
      }
    } finally {
      await snapshot.close();
    }
    const files: FilePart[] = [...blobs.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([sha256, bytes]) => ({ path: filePath(sha256), bytes, sha256 }));
    const manifest: Manifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      schemaVersion: snapshot.migrations.at(-1) ?? '',
      migrations: snapshot.migrations,
      createdAt,
      sourceDialect: deps.db.dialect,
      counts: {
        tables: tables.length,
        rows: tables.reduce((n, t) => n + t.rows, 0),
        files: files.length,
        fileBytes: files.reduce((n, f) => n + f.bytes, 0),
      },
      excludedTables: { ...EXCLUDED_TABLES },
      tables,
      files,
    };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    const manifestHash = Buffer.from(
      `${createHash('sha256').update(manifestBytes).digest('hex')}  ${MANIFEST_NAME}\n`,
    );
    writer = tarWriter(partial, new Date(createdAt));
    await writer.entry(MANIFEST_NAME, manifestBytes.length, [manifestBytes]);
    await writer.entry(MANIFEST_HASH_NAME, manifestHash.length, [manifestHash]);
    for (const t of tables) {
      await writer.entry(t.path, t.bytes, createReadStream(join(work, `${t.table}.jsonl`)));
    }
    for (const [i, f] of files.entries()) {
      await writer.entry(f.path, f.bytes, checkedFile(deps.files, f));
      onProgress('files', i + 1, files.length);
    }
    await writer.finish();
    writer = null;
    await rename(partial, target);
    await deps.audit.record(
      actor,
      'backup.exported',
      { type: 'storage' },
      { createdAt, schemaVersion: manifest.schemaVersion, counts: manifest.counts },
    );
    return manifest;
  } catch (error) {
    writer?.abort();
    await rm(partial, { force: true });
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function dumpTable(
  work: string,
  shape: { name: string; columns: string[]; primaryKey: string[] },
  batches: AsyncIterable<Array<Record<string, unknown>>>,
  blobs: Map<string, number>,
): Promise<TablePart> {
  const out = createWriteStream(join(work, `${shape.name}.jsonl`), { mode: 0o600 });
  const hash = createHash('sha256');
  let rows = 0;
  let bytes = 0;
  for await (const batch of batches) {
    let text = '';
    for (const row of batch) {
      text += encodeRow(shape.columns, row);
      // The stored files' bytes travel with their rows: the store is content-addressed.
      if (shape.name === 'stored_files') blobs.set(String(row.sha256), Number(row.byte_size));
    }
    const chunk = Buffer.from(text);
    hash.update(chunk);
    bytes += chunk.length;
    rows += batch.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  return {
    table: shape.name,
    path: tablePath(shape.name),
    rows,
    bytes,
    sha256: hash.digest('hex'),
    columns: shape.columns,
    primaryKey: shape.primaryKey,
  };
}

/** A stored file's bytes, refused when they are missing or no longer match their hash. */
async function* checkedFile(store: FileStore, f: FilePart): AsyncIterable<Uint8Array> {
  if (!(await store.exists(f.sha256))) {
    throw new ExportFailedError(
      `Stored file ${f.sha256} is missing from the file store; run "dossier fixity" and repair the store before exporting.`,
    );
  }
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of store.read(f.sha256)) {
    hash.update(chunk);
    size += chunk.byteLength;
    if (size > f.bytes) break;
    yield chunk;
  }
  if (size !== f.bytes || hash.digest('hex') !== f.sha256) {
    throw new ExportFailedError(
      `Stored file ${f.sha256} has changed on disk; run "dossier fixity" and repair the store before exporting.`,
    );
  }
}
