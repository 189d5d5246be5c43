import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort, untilServing } from '../support/live-server.ts';
import { BIN } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'dossier-serve-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts a real server process and resolves once it says it is serving. */
async function startServer(command: 'serve' | 'start', env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, command], {
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  await untilServing(child);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<number | null>((resolve) => {
        child.removeAllListeners('exit');
        child.on('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

async function expectHealthy(url: string): Promise<void> {
  const res = await fetch(`${url}/healthz`);
  expect(res.status).toBe(200);
}

describe('serving', () => {
  it('dossier serve answers on PORT and never loads the demo', async () => {
    const dataDir = join(dir, 'serve');
    const server = await startServer('serve', { DATA_DIR: dataDir });
    await expectHealthy(server.url);
    expect(await server.stop()).toBe(0);
    const SQLite = (await import('better-sqlite3')).default;
    const db = new SQLite(join(dataDir, 'dossier.db'), { readonly: true });
    expect(db.prepare('select count(*) as n from publications').get()).toEqual({ n: 0 });
    db.close();
  });

  it('dossier start loads the demo into an empty SQLite database, and only once', async () => {
    const dataDir = join(dir, 'start');
    const first = await startServer('start', { DATA_DIR: dataDir });
    await first.stop();
    const second = await startServer('start', { DATA_DIR: dataDir });
    await second.stop();
    const SQLite = (await import('better-sqlite3')).default;
    const db = new SQLite(join(dataDir, 'dossier.db'), { readonly: true });
    expect(db.prepare('select count(*) as n from publications').get()).toEqual({ n: 19 });
    db.close();
  });

  it.skipIf(inject('postgresUrl') === null)(
    'dossier start serves the same demo on PostgreSQL',
    async () => {
      const url = inject('postgresUrl')!;
      const schema = `dossier_test_${process.pid}_start`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop schema if exists ${schema} cascade; create schema ${schema}`);
      try {
        const withSchema = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema},public`)}`;
        const server = await startServer('start', {
          DATA_DIR: join(dir, 'pg'),
          DATABASE_URL: withSchema,
        });
        await expectHealthy(server.url);
        await server.stop();
        const { rows } = await admin.query(`select count(*)::int as n from ${schema}.publications`);
        expect(rows[0].n).toBe(19);
      } finally {
        await admin.query(`drop schema if exists ${schema} cascade`);
        await admin.end();
      }
    },
  );
});
