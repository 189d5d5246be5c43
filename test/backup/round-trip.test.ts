import { createHash } from 'node:crypto';
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { DamagedArchiveError, RestoreRefusedError } from '../../src/core/backup/backup-errors.ts';
import { EXCLUDED_TABLES } from '../../src/core/backup/table-policy.ts';
import type { Dialect } from '../../src/core/database-handle.ts';
import { describeTables } from '../../src/infra/backup/database-tables.ts';
import { exportArchive } from '../../src/infra/backup/export-archive.ts';
import { restoreArchive, verifyArchive } from '../../src/infra/backup/restore-archive.ts';
import { writeTextPdf } from '../../src/infra/pdf/write-text-pdf.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { makeStaff } from '../support/admin-session.ts';
import { closeTestDatabase, openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { demoContext } from '../support/demo-context.ts';
import { attachBytes, buildPublication, testContext } from '../support/factories.ts';
import { countRows, dataOffset, entryMap, filesUnder } from './archive-helpers.ts';

const hasPostgres = inject('postgresUrl') !== null;

/** The archive's contents that must survive a round trip: tables and files, not the manifest. */
function records(entries: Map<string, Buffer>) {
  return new Map([...entries].filter(([name]) => !name.startsWith('manifest.')));
}

/** A restore adds its own audit entry; everything else must come back byte for byte. */
function expectSameExceptRestoreAudit(before: Map<string, Buffer>, after: Map<string, Buffer>) {
  expect([...records(after).keys()].sort()).toEqual([...records(before).keys()].sort());
  for (const [name, data] of records(before)) {
    const again = after.get(name)!;
    if (name === 'tables/audit_events.jsonl') {
      const lines = again.toString('utf8').trimEnd().split('\n');
      const extra = JSON.parse(lines.pop()!);
      expect(extra.action).toBe('backup.restored');
      expect(`${lines.join('\n')}\n`).toBe(data.toString('utf8'));
    } else {
      expect(again.equals(data), `${name} differs after the round trip`).toBe(true);
    }
  }
}

describe.skipIf(!hasPostgres)('full export and restore across databases', () => {
  const opened: TestDatabase[] = [];
  let source: TestDatabase;
  let sourceCtx: WiredContext;
  let archive: string;
  let draftTitle: string;
  let pdfBytes: Buffer;

  async function fresh(dialect: Dialect) {
    const t = await openTestDatabase(dialect);
    opened.push(t);
    return { t, ctx: await testContext(t) };
  }

  beforeAll(async () => {
    source = await openTestDatabase('sqlite');
    opened.push(source);
    // With extraction: page text, PDF metadata and WebP thumbnails travel too.
    sourceCtx = await demoContext(source, undefined, undefined, { extract: true });
    await makeStaff(sourceCtx, 'editor');
    draftTitle = 'Unpublished testimony from Hoeryong';
    const draft = await buildPublication(sourceCtx, { status: 'draft', title: draftTitle });
    pdfBytes = await writeTextPdf({ title: 'Draft annex', pages: ['Annex text, not yet public.'] });
    await attachBytes(sourceCtx, pdfBytes, {
      publicationId: draft.id,
      fileName: 'annex.pdf',
      role: 'supplement',
    });
    archive = join(source.dir, 'sqlite.tar');
    await exportArchive(sourceCtx, archive, SYSTEM_ACTOR);
  }, 120_000);

  afterAll(async () => {
    for (const t of opened) await closeTestDatabase(t);
  });

  it('exports every table the schema has, except the listed derived and ephemeral ones, with exact counts', async () => {
    const entries = await entryMap(archive);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
    // Asked of SQLite directly: ordinary tables, without FTS5's virtual tables and their shadows.
    const { rows } = await sql<{ name: string; sql: string }>`
      select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
      source.db.kysely.withoutPlugins(),
    );
    const virtual = rows.filter((r) => /^create virtual/i.test(r.sql)).map((r) => r.name);
    const all = rows
      .map((r) => r.name)
      .filter((n) => !virtual.some((v) => n === v || n.startsWith(`${v}_`)));
    const exported = manifest.tables.map((t: { table: string }) => t.table).sort();
    expect(exported).toEqual(all.filter((n) => !(n in EXCLUDED_TABLES)).sort());
    expect(exported).toEqual(expect.arrayContaining(['publications', 'users', 'stored_files']));
    // PostgreSQL keeps the search heads in a table of their own (SQLite, in an FTS5 table).
    const postgresOnly = new Set(['search_heads']);
    for (const excluded of Object.keys(EXCLUDED_TABLES)) {
      if (!postgresOnly.has(excluded)) expect(all).toContain(excluded);
    }
    const counts = await countRows(source.db, exported);
    for (const t of manifest.tables) {
      // The export's own audit entry is written after the snapshot it read.
      const expected = t.table === 'audit_events' ? counts[t.table]! - 1 : counts[t.table];
      expect(t.rows, t.table).toBe(expected);
      const lines = entries.get(t.path)!.toString('utf8').split('\n').filter(Boolean);
      expect(lines.length, t.table).toBe(t.rows);
    }
    const [last] = await sourceCtx.repos.audit.list({ action: 'backup.exported' });
    expect(last?.detail).toMatchObject({ counts: manifest.counts });
    expect(counts.users).toBeGreaterThan(0);
    expect(counts.places).toBeGreaterThan(0);
    expect(counts.pdf_pages).toBeGreaterThan(0);
    expect(counts.file_derivatives).toBeGreaterThan(0);
    expect(manifest.schemaVersion).toBe(manifest.migrations.at(-1));
    expect(entries.get('tables/publications.jsonl')!.toString('utf8')).toContain(draftTitle);
    expect(
      entries.get(
        `files/${sha(pdfBytes).slice(0, 2)}/${sha(pdfBytes).slice(2, 4)}/${sha(pdfBytes)}`,
      ),
    ).toEqual(pdfBytes);
    expect(manifest.files.length).toBe(counts.stored_files);
  });

  it('restores SQLite into PostgreSQL and exports it again to identical records and files, and back', async () => {
    const pg = await fresh('postgres');
    const restored = await restoreArchive(pg.ctx, archive, SYSTEM_ACTOR);
    expect(restored.files).toBe(restored.manifest.counts.files);
    const pgArchive = join(pg.t.dir, 'postgres.tar');
    await exportArchive(pg.ctx, pgArchive, SYSTEM_ACTOR);
    const fromSqlite = await entryMap(archive);
    const fromPostgres = await entryMap(pgArchive);
    expectSameExceptRestoreAudit(fromSqlite, fromPostgres);

    // And the way back: PostgreSQL → SQLite → export.
    const lite = await fresh('sqlite');
    await restoreArchive(lite.ctx, pgArchive, SYSTEM_ACTOR);
    const liteArchive = join(lite.t.dir, 'again.tar');
    await exportArchive(lite.ctx, liteArchive, SYSTEM_ACTOR);
    expectSameExceptRestoreAudit(fromPostgres, await entryMap(liteArchive));

    // The restored PostgreSQL instance works: new ids follow the old ones, search is current.
    const before = restored.manifest.tables.find((t) => t.table === 'publications')!.rows;
    const added = await buildPublication(pg.ctx, { title: 'Written after the restore' });
    expect(added.id).toBeGreaterThan(before);
    const drift = await pg.ctx.search.indexer.check();
    expect(drift.missing).toEqual([]);
    expect(drift.extra).toEqual([]);
    expect(restored.indexed.publications).toBeGreaterThan(0);
    expect(await pg.ctx.files.verify(sha(pdfBytes))).toBe('ok');
  }, 120_000);

  it('refuses to restore into a database that already holds records', async () => {
    await expect(restoreArchive(sourceCtx, archive, SYSTEM_ACTOR)).rejects.toThrow(
      RestoreRefusedError,
    );
    await expect(restoreArchive(sourceCtx, archive, SYSTEM_ACTOR)).rejects.toThrow(/not empty/);
  });

  describe.each(['sqlite', 'postgres'] as const)(
    'a damaged archive restored into %s',
    (dialect) => {
      async function expectRefusedUntouched(path: string, message: RegExp) {
        const target = await fresh(dialect);
        const tables = (await describeTables(target.t.db)).map((t) => t.name);
        await expect(restoreArchive(target.ctx, path, SYSTEM_ACTOR)).rejects.toThrow(
          DamagedArchiveError,
        );
        await expect(restoreArchive(target.ctx, path, SYSTEM_ACTOR)).rejects.toThrow(message);
        const counts = await countRows(target.t.db, tables);
        expect(Object.values(counts).every((n) => n === 0)).toBe(true);
        expect(filesUnder(join(target.t.dir, 'files'))).toEqual([]);
      }

      function copyOf(name: string) {
        const path = join(source.dir, `${dialect}-${name}.tar`);
        writeFileSync(path, readFileSync(archive));
        return path;
      }

      it('refuses a truncated archive before writing anything', async () => {
        const path = copyOf('truncated');
        truncateSync(path, Math.floor(readFileSync(path).length * 0.6));
        await expectRefusedUntouched(path, /damaged|truncated/);
      });

      it('refuses an archive with one flipped byte in a table before writing anything', async () => {
        const path = copyOf('flipped-row');
        const data = readFileSync(path);
        data[dataOffset(path, 'tables/publications.jsonl') + 40]! ^= 0x01;
        writeFileSync(path, data);
        await expectRefusedUntouched(
          path,
          /tables\/publications\.jsonl does not match its checksum/,
        );
      });

      it('refuses an archive with one flipped byte in a stored file before writing anything', async () => {
        const path = copyOf('flipped-file');
        const shaOfPdf = sha(pdfBytes);
        const name = `files/${shaOfPdf.slice(0, 2)}/${shaOfPdf.slice(2, 4)}/${shaOfPdf}`;
        const data = readFileSync(path);
        data[dataOffset(path, name) + 100]! ^= 0x20;
        writeFileSync(path, data);
        await expectRefusedUntouched(path, /does not match its checksum/);
      });

      it('refuses an archive whose manifest was altered', async () => {
        const path = copyOf('flipped-manifest');
        const data = readFileSync(path);
        data[dataOffset(path, 'manifest.json') + 30]! ^= 0x01;
        writeFileSync(path, data);
        await expectRefusedUntouched(path, /manifest/);
      });
    },
  );

  it('verifies an intact archive', async () => {
    const manifest = await verifyArchive(archive);
    expect(manifest.counts.files).toBeGreaterThan(0);
    expect(existsSync(archive)).toBe(true);
  });
});

function sha(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}
