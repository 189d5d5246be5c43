import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

/** Commands refuse a database they cannot mean, in one line, and create nothing on the way. */
describe('where a command looks for the archive', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-db-location-'));

  it('refuses a SQLite path in a folder that does not exist, without creating the folder', async () => {
    const missing = join(dir, 'nonexistent', 'dir');
    for (const args of [['jobs'], ['migrate']]) {
      const r = await runCli(args, {
        DATABASE_URL: join(missing, 'x.db'),
        DATA_DIR: join(dir, 'data'),
      });
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('in a folder that does not exist');
    }
    expect(existsSync(join(dir, 'nonexistent'))).toBe(false);
  });

  it('refuses, for a command that only reads or changes an archive, a database that is not there', async () => {
    const r = await runCli(['jobs'], { DATABASE_URL: join(dir, 'not a url at all') });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^dossier: There is no database at .*not a url at all/);
    expect(existsSync(join(dir, 'not a url at all'))).toBe(false);
  });

  it('lets the commands that set an archive up create the data folder and its database', async () => {
    const data = join(dir, 'fresh-data');
    const r = await runCli(['migrate'], { DATA_DIR: data });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(data, 'dossier.db'))).toBe(true);
    const jobs = await runCli(['jobs'], { DATA_DIR: data });
    expect(jobs.code, jobs.stderr).toBe(0);
  });

  it('names the subcommands of a group given none or an unknown one', async () => {
    const r = await runCli(['user'], { DATA_DIR: join(dir, 'fresh-data') });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"dossier user add" or "dossier user setup-link"');
    const jobs = await runCli(['jobs', 'frobnicate'], { DATA_DIR: join(dir, 'fresh-data') });
    expect(jobs.code).toBe(1);
    expect(jobs.stderr).toContain('Unknown subcommand "frobnicate"');
    expect(jobs.stderr).toContain('"dossier jobs retry <id>" or "dossier jobs run"');
  });
});
