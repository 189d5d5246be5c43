import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'dossier-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A user's mistake is one line on stderr and a non-zero exit, never a stack trace. */
function expectOneLineError(r: { code: number | null; stderr: string }, pattern: RegExp) {
  expect(r.code).toBe(1);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^dossier: /);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('the dossier command', () => {
  it('lists its commands', async () => {
    const r = await runCli(['--help'], {});
    expect(r.code).toBe(0);
    for (const c of ['serve', 'migrate', 'demo']) expect(r.stdout).toContain(c);
  });

  it.each(['serve', 'migrate', 'demo', 'start'])('explains %s with --help', async (name) => {
    const r = await runCli([name, '--help'], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: dossier ${name}`);
  });

  it('names an unknown command', async () => {
    expectOneLineError(await runCli(['frobnicate'], {}), /Unknown command "frobnicate"/);
  });

  it('refuses an unsupported DATABASE_URL scheme', async () => {
    expectOneLineError(
      await runCli(['migrate'], { DATABASE_URL: 'mysql://root@localhost/x' }),
      /not supported/,
    );
  });

  it('says when PostgreSQL cannot be reached', async () => {
    expectOneLineError(
      await runCli(['migrate'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test' }),
      /refused the connection/,
    );
  });

  it('says when the SQLite file is not a database', async () => {
    const path = join(dir, 'corrupt.db');
    writeFileSync(
      path,
      'this is not a database file, just text that fills more than a header '.repeat(100),
    );
    expectOneLineError(
      await runCli(['migrate'], { DATABASE_URL: path }),
      /corrupt or not a database/,
    );
  });

  it('refuses a database migrated by a newer version of Dossier', async () => {
    const path = join(dir, 'newer.db');
    expect((await runCli(['migrate'], { DATABASE_URL: path })).code).toBe(0);
    const db = new SQLite(path);
    db.prepare(
      "insert into dossier_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01')",
    ).run();
    db.close();
    expectOneLineError(
      await runCli(['migrate'], { DATABASE_URL: path }),
      /newer than this version/,
    );
  });

  it('says when another process holds the SQLite database locked', async () => {
    const path = join(dir, 'locked.db');
    expect((await runCli(['migrate'], { DATABASE_URL: path })).code).toBe(0);
    const holder = new SQLite(path);
    // A rollback-journal exclusive lock keeps every other connection out, readers included.
    holder.pragma('journal_mode = DELETE');
    holder.exec('begin exclusive');
    try {
      expectOneLineError(
        await runCli(['migrate'], { DATABASE_URL: path }),
        /locked by another process/,
      );
    } finally {
      holder.exec('rollback');
      holder.close();
    }
  });

  it('migrates an empty database and then finds it up to date', async () => {
    const path = join(dir, 'fresh.db');
    const first = await runCli(['migrate'], { DATABASE_URL: path });
    expect(first.stdout).toMatch(/Applied \d+ migration/);
    const second = await runCli(['migrate'], { DATABASE_URL: path });
    expect(second.stdout).toContain('up to date');
  });
});
