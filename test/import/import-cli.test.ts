import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dossier-import-cli-'));
const env = { DATA_DIR: join(dir, 'data') };
const count = (table: string) => {
  const db = new SQLite(join(dir, 'data', 'dossier.db'), { readonly: true });
  try {
    return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

/** `dossier import wxr` of the fixture export with footnotes and media, and its uploads folder. */
const importWxr = (...options: string[]) =>
  runCli(
    [
      'import',
      'wxr',
      join(FIXTURES, 'footnotes-and-media.xml'),
      '--uploads',
      join(FIXTURES, 'wxr-uploads'),
      ...options,
    ],
    env,
    120_000,
  );

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dossier import', () => {
  it('prints what a dry run would do and writes nothing', async () => {
    const r = await importWxr('--dry-run');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Dry run: nothing was written.');
    expect(r.stdout).toContain('publications: 2 to create, 0 to update, 0 unchanged');
    expect(count('publications')).toBe(0);
  });

  it('imports, runs the ingest jobs it queued, and ends with a summary', async () => {
    const r = await importWxr();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('publications: 2 created, 0 updated, 0 unchanged');
    expect(r.stdout).toContain('files: 1 created');
    expect(r.stdout).toMatch(/Running \d+ ingest job/);
    expect(count('publications')).toBe(2);
    expect(count("jobs where status = 'queued'")).toBe(0);
    expect(count('file_derivatives')).toBeGreaterThan(0);
  }, 120_000);

  it('refuses a malformed export with its line and writes nothing', async () => {
    const before = count('import_sources');
    const r = await runCli(['import', 'wxr', join(FIXTURES, 'malformed.xml')], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not a valid WordPress export: line 9: unexpected close tag');
    expect(r.stderr).toContain('Nothing was imported.');
    expect(count('import_sources')).toBe(before);
  });

  it('lists a spreadsheet’s problems by row and column', async () => {
    const r = await runCli(
      ['import', 'csv', '--kind', 'places', join(FIXTURES, 'places-broken.csv')],
      env,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('row 2, column kind:');
    expect(r.stderr).toContain('row 4, column latitude:');
  });

  it('imports a saved site with a profile', async () => {
    const r = await runCli(
      [
        'import',
        'html',
        join(FIXTURES, 'site'),
        '--profile',
        join(ROOT, 'profiles/seed-listing.json'),
      ],
      env,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('publications: 6 created');
    // The fixture folder holds no PDFs: both links are reported, neither invented.
    expect(r.stdout).toContain('2 × PDF not saved beside the pages');
  });

  it('explains its usage mistakes', async () => {
    const r = await runCli(['import', 'html', join(FIXTURES, 'site')], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Name the profile: --profile <profile.json>');
  });
});
