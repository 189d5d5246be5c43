import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/context.ts';
import { loadConfig } from '../../src/core/config.ts';
import { createSection } from '../../src/features/entities/create-entities.ts';
import { tokenFor } from '../api/api-client.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { freePort, untilServing } from '../support/live-server.ts';
import { BIN, runCli } from '../support/run-cli.ts';
import { exportOf } from './generated-wxr.ts';

const dir = mkdtempSync(join(tmpdir(), 'dossier-import-live-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** `dossier serve` in a process of its own, resolved once it says it is serving. */
async function startServer(env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  await untilServing(child);
  return `http://127.0.0.1:${env.PORT}`;
}

describe('dossier import into a SQLite archive that a server is writing to', () => {
  it('waits its turn for the write lock: every item lands, and so does every edit the server makes meanwhile', async () => {
    const port = String(await freePort());
    const env = {
      DATA_DIR: join(dir, 'data'),
      PORT: port,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    };
    const setup = await createContext(loadConfig(env));
    const section = await createSection(setup, { slug: 'notes', title: 'Notes' }, SYSTEM_ACTOR);
    const { token } = await tokenFor(setup, 'editor', ['write']);
    await setup.close();
    const origin = await startServer(env);
    const file = join(dir, 'export.xml');
    writeFileSync(file, exportOf(154));

    // Edits through the API all along the import, each a transaction of the server's own.
    let importing = true;
    const answers: number[] = [];
    const editing = (async () => {
      for (let n = 0; importing; n++) {
        const res = await fetch(`${origin}/api/v1/publications`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({
            sectionId: section.id,
            slug: `field-note-${n}`,
            type: 'article',
            title: `Field note ${n}`,
            body: 'Written while the import runs. '.repeat(40),
            status: 'draft',
          }),
        });
        answers.push(res.status);
        await res.arrayBuffer();
        // Under the API's limit of 600 requests a minute from one address.
        await new Promise((r) => setTimeout(r, 80));
      }
    })();
    const result = await runCli(['import', 'wxr', file, '--no-jobs'], env, 300_000).finally(() => {
      importing = false;
    });
    await editing;

    expect(result.stderr).not.toMatch(/locked|not a valid/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('publications: 154 created, 0 updated, 0 unchanged');
    expect(answers.length).toBeGreaterThan(20);
    expect(answers.filter((status) => status !== 201)).toEqual([]);
    const db = new SQLite(join(env.DATA_DIR, 'dossier.db'), { readonly: true });
    try {
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      expect(count("select count(*) as n from publications where slug like 'post-%'")).toBe(154);
      expect(count("select count(*) as n from publications where slug like 'field-note-%'")).toBe(
        answers.length,
      );
    } finally {
      db.close();
    }
  }, 360_000);
});
