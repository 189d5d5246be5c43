import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Dialect } from '../../src/core/database-handle.ts';
import { describeTables } from '../../src/infra/backup/database-tables.ts';
import { exportArchive } from '../../src/infra/backup/export-archive.ts';
import { tarWriter } from '../../src/infra/backup/tar-io.ts';
import { writeTextPdf } from '../../src/infra/pdf/write-text-pdf.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { closeTestDatabase, openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { attachBytes, buildPublication, testContext } from '../support/factories.ts';
import { withoutProgress } from '../support/progress-lines.ts';
import { runCli } from '../support/run-cli.ts';
import { countRows, filesUnder, readEntries } from './archive-helpers.ts';

const hasPostgres = inject('postgresUrl') !== null;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function* once(bytes: Uint8Array) {
  yield bytes;
}

/**
 * Rewrites one table of an archive and writes it again whole: sizes, checksums and the
 * manifest's own hash all agree, so only the records themselves are wrong.
 */
async function rewriteTable(
  from: string,
  to: string,
  table: string,
  change: (row: Record<string, unknown>, index: number) => Record<string, unknown>,
) {
  const entries = await readEntries(from);
  const manifest = JSON.parse(entries[0]!.bytes.toString('utf8'));
  const path = `tables/${table}.jsonl`;
  const part = entries.find((e) => e.name === path)!;
  const lines = part.bytes.toString('utf8').trimEnd().split('\n');
  part.bytes = Buffer.from(
    `${lines.map((line, i) => JSON.stringify(change(JSON.parse(line), i))).join('\n')}\n`,
  );
  const listed = manifest.tables.find((t: { path: string }) => t.path === path);
  listed.bytes = part.bytes.length;
  listed.sha256 = sha(part.bytes);
  entries[0]!.bytes = Buffer.from(JSON.stringify(manifest, null, 2));
  entries[1]!.bytes = Buffer.from(`${sha(entries[0]!.bytes)}  manifest.json\n`);
  const writer = tarWriter(to, new Date('2026-06-01T12:00:00.000Z'));
  for (const e of entries) await writer.entry(e.name, e.bytes.length, once(e.bytes));
  await writer.finish();
}

describe('dossier restore of an archive whose rows break a foreign key', () => {
  const opened: TestDatabase[] = [];
  let broken: string;
  let brokenId: number;

  beforeAll(async () => {
    const source = await openTestDatabase('sqlite');
    opened.push(source);
    const ctx = await testContext(source);
    const piece = await buildPublication(ctx, { title: 'Camp 25' });
    await buildPublication(ctx, { title: 'Camp 25: an update', sectionId: piece.sectionId });
    await attachBytes(ctx, await writeTextPdf({ title: 'Annex', pages: ['Annex text.'] }), {
      publicationId: piece.id,
      fileName: 'annex.pdf',
      role: 'supplement',
    });
    const archive = join(source.dir, 'whole.tar');
    await exportArchive(ctx, archive, SYSTEM_ACTOR);
    broken = join(source.dir, 'broken.tar');
    // The second publication names a section the archive does not hold.
    await rewriteTable(archive, broken, 'publications', (row, i) => {
      if (i !== 1) return row;
      brokenId = Number(row.id);
      return { ...row, section_id: 9999 };
    });
  }, 120_000);

  afterAll(async () => {
    for (const t of opened) await closeTestDatabase(t);
  });

  for (const dialect of ['sqlite', 'postgres'] as Dialect[]) {
    it.skipIf(dialect === 'postgres' && !hasPostgres)(
      `names the table, row and key in one line and restores nothing [${dialect}]`,
      async () => {
        const target = await openTestDatabase(dialect);
        opened.push(target);
        const url = inject('postgresUrl') ?? '';
        const env: Record<string, string> = {
          DATA_DIR: target.dir,
          PUBLIC_URL: 'https://archive.example.org',
          DATABASE_URL:
            dialect === 'sqlite'
              ? join(target.dir, 'test.db')
              : `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${target.schema},public`)}`,
        };
        const r = await runCli(['restore', broken], env, 120_000);
        expect(r.stdout).toBe('');
        expect(withoutProgress(r.stderr)).toMatch(/^dossier: [^\n]+\n$/);
        expect(r.stderr).not.toMatch(/unexpected error|a bug|\bat /);
        expect(r.stderr).toContain(
          `in publications, the row id=${brokenId} has section_id=9999, but sections has no such row`,
        );
        expect(r.stderr).toMatch(
          dialect === 'postgres'
            ? /foreign key publications_section_id_\w+: publications\.section_id → sections\.id\)/
            : /foreign key publications\.section_id → sections\.id\)/,
        );
        expect(r.stderr).toContain('Nothing was restored.');
        expect(r.code).toBe(1);
        const tables = (await describeTables(target.db)).map((t) => t.name);
        const counts = await countRows(target.db, tables);
        expect(Object.entries(counts).filter(([, n]) => n > 0)).toEqual([]);
        expect(filesUnder(join(target.dir, 'files'))).toEqual([]);
      },
      180_000,
    );
  }
});
