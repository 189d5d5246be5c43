import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeTestDatabase, openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { splitProgress, withoutProgress } from '../support/progress-lines.ts';
import { type CliResult, runCli } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'dossier-backup-cli-'));
const source = { DATA_DIR: join(dir, 'source'), PUBLIC_URL: 'https://archive.example.org' };
const archive = join(dir, 'archive.tar');
const hasPostgres = inject('postgresUrl') !== null;

function expectOneLineError(r: CliResult, pattern: RegExp) {
  expect(r.code).toBe(1);
  expect(withoutProgress(r.stderr)).toMatch(/^dossier: [^\n]+\n$/);
  expect(r.stderr).toMatch(pattern);
}

describe('dossier export and restore', () => {
  let pg: TestDatabase | null = null;

  beforeAll(async () => {
    expect((await runCli(['demo'], source, 120_000)).code).toBe(0);
    if (hasPostgres) pg = await openTestDatabase('postgres');
  }, 180_000);

  afterAll(async () => {
    if (pg) await closeTestDatabase(pg);
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a full archive, counting tables and files on stderr, and says what it holds', async () => {
    const r = await runCli(['export', archive], source);
    const { progress, other } = splitProgress(r.stderr);
    expect(other).toEqual([]);
    expect(progress).toContainEqual(expect.stringMatching(/^exporting: (\d+)\/\1 tables$/));
    expect(progress.at(-1)).toMatch(/^exporting: (\d+)\/\1 files$/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Exported \d+ record\(s\) from \d+ tables and \d+ file\(s\)/);
  }, 60_000);

  it.skipIf(!hasPostgres)(
    'restores the archive into an empty PostgreSQL database',
    async () => {
      const url = inject('postgresUrl')!;
      const env = {
        DATA_DIR: join(dir, 'pg-files'),
        PUBLIC_URL: 'https://archive.example.org',
        DATABASE_URL: `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${pg!.schema},public`)}`,
      };
      const r = await runCli(['restore', archive], env, 120_000);
      const { progress, other } = splitProgress(r.stderr);
      expect(other).toEqual([]);
      for (const phase of ['verifying: (\\d+)/\\1 parts', 'loading: (\\d+)/\\1 parts']) {
        expect(progress).toContainEqual(expect.stringMatching(new RegExp(`^${phase}$`)));
      }
      expect(progress.at(-1)).toMatch(/^indexing: (\d+)\/\1 entries$/);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Restored \d+ record\(s\) and \d+ file\(s\)/);
      expectOneLineError(await runCli(['restore', archive], env), /not empty/);
    },
    180_000,
  );

  it('refuses a truncated archive in one line and writes nothing', async () => {
    const cut = join(dir, 'cut.tar');
    const data = readFileSync(archive);
    writeFileSync(cut, data.subarray(0, Math.floor(data.length / 2)));
    const env = { DATA_DIR: join(dir, 'cut-target'), PUBLIC_URL: 'https://archive.example.org' };
    expectOneLineError(await runCli(['restore', cut], env), /damaged/);
    // Nothing was loaded: restoring the intact archive into the same instance still works.
    expect((await runCli(['restore', archive], env, 120_000)).code).toBe(0);
  }, 180_000);

  it('writes published work as CSV and as Markdown, counting publications on stderr', async () => {
    const csv = await runCli(['export', '--format', 'csv', join(dir, 'out.csv')], source);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toMatch(/^Wrote \d+ published publication\(s\)/);
    const written = Number(/^Wrote (\d+)/.exec(csv.stdout)![1]);
    expect(splitProgress(csv.stderr).progress.at(-1)).toBe(`exporting: ${written} publications`);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toMatch(/^"id","url",/);
    const md = await runCli(['export', '--format', 'markdown', join(dir, 'md')], source);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/and \d+ PDF\(s\)/);
    expect(splitProgress(md.stderr).progress.at(-1)).toBe(`exporting: ${written} publications`);
  }, 120_000);

  it('explains wrong use in one line', async () => {
    expectOneLineError(
      await runCli(['export', '--format', 'xml', join(dir, 'x')], source),
      /Unknown format/,
    );
    expectOneLineError(await runCli(['export', archive], source), /already exists/);
    expectOneLineError(await runCli(['export'], source), /Name one file/);
    expectOneLineError(await runCli(['restore', join(dir, 'nope.tar')], source), /no archive/);
  }, 180_000);
});
