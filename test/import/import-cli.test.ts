import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitProgress } from '../support/progress-lines.ts';
import { runCli } from '../support/run-cli.ts';
import { CARD_PROFILE, cardAndDetailSite } from './generated-sites.ts';

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
  // An import goes into an archive that exists: set-up commands alone create one.
  beforeAll(async () => {
    expect((await runCli(['migrate'], env)).code).toBe(0);
  });

  it('prints what a dry run would do and writes nothing', async () => {
    const r = await importWxr('--dry-run');
    const { progress, other } = splitProgress(r.stderr);
    expect(other).toEqual([]);
    expect(progress[0]).toMatch(/^importing wxr: 0\/\d+ items$/);
    expect(progress.at(-1)).toMatch(/^importing wxr: (\d+)\/\1 items$/);
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

  it('prints a dry run of a site as a table of entries, fails for the entry it must skip, and writes nothing', async () => {
    const site = await cardAndDetailSite();
    const profilePath = join(dir, 'policy-desk.json');
    writeFileSync(profilePath, JSON.stringify(CARD_PROFILE));
    const before = count('publications');
    const r = await runCli(
      ['import', 'html', site.dir, '--profile', profilePath, '--dry-run'],
      env,
      120_000,
    );
    rmSync(site.dir, { recursive: true, force: true });
    expect(r.stdout).toMatch(
      /^\| outcome +\| title +\| date +\| authors +\| lang +\| type +\| files +\|$/m,
    );
    expect(r.stdout).toMatch(
      /^\| to create +\| Food Prices in the Northern Provinces +\| 2021-03-12 +\| Jane Doe \(author\); Sam Lee \(author\) +\| en +\| report +\| food-prices\.pdf, chart\.png +\|$/m,
    );
    expect(r.stdout).toMatch(/^\| to create +\| Border Trade After the Closure +\| 2020-10 /m);
    expect(r.stdout).toMatch(/^\| to create +\| 북한 식량 가격 동향 +\| 2021-03-12 +\| — +\| ko /m);
    expect(r.stdout).toContain(
      'skipped: The Page That Was Never Saved: its detail page publications/lost-page/index.html is not saved in the folder',
    );
    expect(r.stderr).toContain('The import is not complete: 1 of 8 entries were not imported.');
    expect(r.code).toBe(1);
    expect(count('publications')).toBe(before);
  }, 120_000);

  it('refuses a profile with a misspelt key, naming its path', async () => {
    const profilePath = join(dir, 'typo.json');
    writeFileSync(
      profilePath,
      JSON.stringify({
        ...CARD_PROFILE,
        fields: { ...CARD_PROFILE.fields, body: { detial: '.content' } },
      }),
    );
    const r = await runCli(
      ['import', 'html', join(FIXTURES, 'site'), '--profile', profilePath],
      env,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fields.body.detial: unknown key (did you mean detail?)');
  });

  it('fails when a profile finds no entries at all', async () => {
    const profilePath = join(dir, 'nothing.json');
    writeFileSync(profilePath, JSON.stringify(CARD_PROFILE));
    const r = await runCli(
      ['import', 'html', join(FIXTURES, 'site'), '--profile', profilePath],
      env,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no entries were found');
  });

  it('explains its usage mistakes', async () => {
    const r = await runCli(['import', 'html', join(FIXTURES, 'site')], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Name the profile: --profile <profile.json>');
  });
});
