import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/context.ts';
import type { AppContext } from '../../src/core/app-context.ts';
import { type Config, loadConfig } from '../../src/core/config.ts';
import { LocalFileStore } from '../../src/infra/files/local-file-store.ts';
import { writeTextPdf } from '../../src/infra/pdf/write-text-pdf.ts';
import { attachBytes, buildPublication, buildSection } from '../support/factories.ts';
import { damagedPdf } from '../support/hostile-pdfs.ts';
import { geotaggedPng } from '../support/images.ts';
import { splitProgress } from '../support/progress-lines.ts';
import { BIN, runCli } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'dossier-ingest-'));
const dataDir = join(dir, 'data');
const env = { DATA_DIR: dataDir };
let config: Config;
let slug = '';

async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await createContext(config);
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

const sqlite = () => new SQLite(join(dataDir, 'dossier.db'), { readonly: true });

beforeAll(async () => {
  config = loadConfig({ DATA_DIR: dataDir });
  await withContext(async (ctx) => {
    const section = await buildSection(ctx, { slug: 'reports' });
    slug = (
      await buildPublication(ctx, { sectionId: section.id, slug: 'hidden-gulag', status: 'draft' })
    ).slug;
  });
  writeFileSync(
    join(dir, 'chapter-1.pdf'),
    await writeTextPdf({ title: 'Chapter 1', pages: ['Yodŏk', '요덕'] }),
  );
  writeFileSync(
    join(dir, 'chapter-2.pdf'),
    await writeTextPdf({ title: 'Chapter 2', pages: ['Hwasŏng'] }),
  );
  writeFileSync(join(dir, 'broken.pdf'), damagedPdf());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each test starts the real binary several times, and on a busy machine each start is slow.
describe('dossier ingest, jobs and fixity', { timeout: 180_000 }, () => {
  it('ingests files, extracting them itself, with a plain line per file, a count per file on stderr and one line per failure', async () => {
    const files = ['chapter-1.pdf', 'chapter-2.pdf', 'broken.pdf'].map((f) => join(dir, f));
    const result = await runCli(
      ['ingest', ...files, '--publication', `reports/${slug}`],
      env,
      120_000,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^done {3}.*chapter-1\.pdf: 2 page\(s\)/m);
    expect(result.stdout).toMatch(/^done {3}.*chapter-2\.pdf: 1 page\(s\)/m);
    expect(result.stdout).toContain('Ingested 2 of 3 file(s) into hidden-gulag.');
    const { progress, other: failures } = splitProgress(result.stderr);
    // Files end in any order; each ending is counted once, and the failure from then on.
    expect(progress[0]).toBe('ingesting: 0/3 files');
    expect(progress.slice(1).map((line) => line.slice(0, 'ingesting: 1/3'.length))).toEqual([
      'ingesting: 1/3',
      'ingesting: 2/3',
      'ingesting: 3/3',
    ]);
    expect(
      progress
        .slice(1)
        .map((line) => /files {2}(\S+)/.exec(line)?.[1])
        .sort(),
    ).toEqual(['broken.pdf', 'chapter-1.pdf', 'chapter-2.pdf']);
    expect(progress.at(-1)).toMatch(/\(1 failed\)$/);
    expect(failures).toEqual([
      expect.stringMatching(/^failed: .*broken\.pdf: The file is damaged or is not a valid PDF/),
    ]);
    const db = sqlite();
    const states = db.prepare('select extraction_status as s from stored_files order by id').all();
    db.close();
    expect(states).toEqual([{ s: 'done' }, { s: 'done' }, { s: 'failed' }, ...states.slice(3)]);
  });

  it('lists jobs and queues a failed one again', async () => {
    const list = await runCli(['jobs', '--status', 'failed'], env);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/\d+ queued, 0 running, \d+ done, 1 failed/);
    const id = /^(\d+) +pdf\.extract +failed/m.exec(list.stdout)?.[1];
    expect(id).toMatch(/^\d+$/);
    const retry = await runCli(['jobs', 'retry', id!], env);
    expect(retry).toMatchObject({ code: 0, stdout: `Job ${id} (pdf.extract) is queued again.\n` });
    const db = sqlite();
    expect(db.prepare('select status, attempts from jobs where id = ?').get(Number(id))).toEqual({
      status: 'queued',
      attempts: 0,
    });
    db.close();
    const again = await runCli(['jobs', 'retry', id!], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/is queued; only a failed or done job can be retried/);
  });

  it('checks fixity, reports a changed file with a non-zero exit, and records both checks', async () => {
    const ok = await runCli(['fixity'], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Checked \d+ stored file\(s\): \d+ intact, 0 with problems\./);
    const db = sqlite();
    const { sha256, id } = db
      .prepare('select sha256, id from stored_files order by id limit 1')
      .get() as {
      sha256: string;
      id: number;
    };
    writeFileSync(new LocalFileStore(config.filesDir).pathOf(sha256), 'bit rot');
    const bad = await runCli(['fixity'], env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`changed: stored file ${id} (${sha256})`);
    const audit = db
      .prepare("select action, detail from audit_events where action like 'fixity.%' order by id")
      .all() as Array<{
      action: string;
      detail: string;
    }>;
    db.close();
    expect(audit.map((a) => a.action)).toEqual(['fixity.ok', 'fixity.problems']);
    expect(JSON.parse(audit[1]!.detail)).toMatchObject({ changed: 1, missing: 0 });
  });

  it('ingests an image beside a PDF, reporting each once its own jobs have ended', async () => {
    writeFileSync(join(dir, 'camp.png'), await geotaggedPng(1600, 900));
    writeFileSync(
      join(dir, 'chapter-3.pdf'),
      await writeTextPdf({ title: 'Chapter 3', pages: ['Kaech’ŏn', '개천', 'Chŏngŏ-ri'] }),
    );
    const files = ['camp.png', 'chapter-3.pdf'].map((f) => join(dir, f));
    const result = await runCli(
      ['ingest', ...files, '--publication', `reports/${slug}`],
      env,
      120_000,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^done {3}.*camp\.png: \d+ resized copies/m);
    expect(result.stdout).toMatch(/^done {3}.*chapter-3\.pdf: 3 page\(s\)/m);
    expect(result.stdout).toContain('Ingested 2 of 2 file(s) into hidden-gulag.');
  });

  it('leaves no partial rows when killed mid-job, and finishes the job once its lease runs out', async () => {
    const storedFileId = await withContext(async (ctx) => {
      const publication = await buildPublication(ctx, { status: 'draft' });
      const pdf = await writeTextPdf({
        title: 'Long report',
        pages: Array.from(
          { length: 300 },
          (_, i) => `Page ${i + 1}: testimony, satellite imagery, Chŏngŏ-ri.`,
        ),
      });
      const { file } = await attachBytes(ctx, pdf, {
        publicationId: publication.id,
        fileName: 'long.pdf',
        role: 'main-pdf',
      });
      return file.id;
    });
    const child = spawn(process.execPath, [BIN, 'jobs', 'run'], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: 'ignore',
    });
    const db = sqlite();
    const status = () =>
      (
        db
          .prepare('select extraction_status as s from stored_files where id = ?')
          .get(storedFileId) as { s: string }
      ).s;
    for (let i = 0; i < 400 && status() !== 'extracting'; i++) await delay(25);
    expect(status()).toBe('extracting');
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const pages = () =>
      (
        db
          .prepare('select count(*) as n from pdf_pages where stored_file_id = ?')
          .get(storedFileId) as { n: number }
      ).n;
    expect(pages()).toBe(0);
    const job = db
      .prepare(
        "select id, status, lease_owner as owner from jobs where kind = 'pdf.extract' order by id desc limit 1",
      )
      .get() as {
      id: number;
      status: string;
      owner: string | null;
    };
    expect(job).toMatchObject({ status: 'running', owner: expect.any(String) });
    db.close();

    // Time passes: the dead worker's lease runs out.
    const writer = new SQLite(join(dataDir, 'dossier.db'));
    writer
      .prepare("update jobs set lease_expires_at = '2000-01-01T00:00:00.000Z' where id = ?")
      .run(job.id);
    writer.close();
    const rerun = await runCli(['jobs', 'run'], env, 120_000);
    expect(rerun.code).toBe(0);
    const after = sqlite();
    expect(after.prepare('select status, attempts from jobs where id = ?').get(job.id)).toEqual({
      status: 'done',
      attempts: 2,
    });
    expect(
      after
        .prepare('select extraction_status as s, page_count as n from stored_files where id = ?')
        .get(storedFileId),
    ).toEqual({ s: 'done', n: 300 });
    expect(
      (
        after
          .prepare('select count(*) as n from pdf_pages where stored_file_id = ?')
          .get(storedFileId) as { n: number }
      ).n,
    ).toBe(300);
    after.close();
  });
});
