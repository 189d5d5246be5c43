import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'dossier-reindex-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { DATA_DIR: dir };

describe('dossier reindex', () => {
  it('explains itself with --help', async () => {
    const r = await runCli(['reindex', '--help'], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: dossier reindex [--check]');
  });

  it('checks the index, reports drift with a non-zero exit, and rebuilds it', async () => {
    expect((await runCli(['demo'], env, 120_000)).code).toBe(0);
    const clean = await runCli(['reindex', '--check'], env);
    expect(clean.stdout).toContain('The index matches the archive.');
    expect(clean.code).toBe(0);

    // Lose one publication's entry behind the indexer's back.
    const db = new SQLite(join(dir, 'dossier.db'));
    const { id } = db.prepare('select publication_id as id from search_docs limit 1').get() as {
      id: number;
    };
    db.prepare('delete from search_docs where publication_id = ?').run(id);
    db.close();

    const drifted = await runCli(['reindex', '--check'], env);
    expect(drifted.code).toBe(3);
    expect(drifted.stdout).toContain(`Not indexed (publication ids): 1 (${id})`);
    // Its whole entry and its head are both left behind.
    expect(drifted.stdout).toContain('Full-text rows without a record: 2');

    const rebuilt = await runCli(['reindex'], env, 120_000);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/Reindexed 17 publications/);
    expect(rebuilt.stderr.trim().split('\n').at(-1)).toMatch(/^reindexing: (\d+)\/\1 entries$/);
    expect((await runCli(['reindex', '--check'], env)).code).toBe(0);
  }, 240_000);
});
