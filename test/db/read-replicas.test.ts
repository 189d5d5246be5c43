import { type ChildProcess, spawn } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { systemClock } from '../../src/core/ports.ts';
import { changeStatus } from '../../src/features/publishing/workflow.ts';
import { connect, type Db } from '../../src/infra/db/connect.ts';
import { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { closeTestDatabase, openTestDatabase, type TestDatabase } from '../support/databases.ts';
import {
  buildPublication,
  buildSection,
  editPublication,
  testContext,
} from '../support/factories.ts';
import { freePort, untilServing } from '../support/live-server.ts';
import { pauseReplay, replicaUrl, resumeReplay, waitForReplay } from '../support/replica.ts';
import { BIN } from '../support/run-cli.ts';

const PUBLIC_URL = 'http://archive.test';
const REPLICA = replicaUrl();
const PRIMARY = inject('postgresUrl');

/** The URL with the test's schema first on the search path, as a server process needs it. */
function inSchema(url: string, schema: string): string {
  const options = encodeURIComponent(`-c search_path=${schema},public`);
  return `${url}${url.includes('?') ? '&' : '?'}options=${options}`;
}

async function startServer(
  env: Record<string, string>,
): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), PUBLIC_URL },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await untilServing(child);
  return { base: `http://127.0.0.1:${port}`, child };
}

async function titleIn(response: Response): Promise<string | null> {
  const body = await response.text();
  return /<h1[^>]*>([^<]*)</.exec(body)?.[1] ?? null;
}

/**
 * Waits for a state that must come (a notification delivered, a replica caught up): the bound is
 * only there so that a broken build fails instead of hanging, and is loose for a loaded machine.
 */
async function until(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`waited ${ms} ms for ${what}`);
}

describe.skipIf(!REPLICA || !PRIMARY)('read replicas [postgres]', () => {
  const primaryUrl = PRIMARY!;
  const replica = REPLICA!;
  let t: TestDatabase;
  let writer: WiredContext;
  let sectionId: number;
  let server: { base: string; child: ChildProcess } | null = null;

  beforeAll(async () => {
    t = await openTestDatabase('postgres');
    writer = await testContext(t, systemClock, PUBLIC_URL);
    sectionId = (await buildSection(writer, { slug: 'reports' })).id;
    await waitForReplay(primaryUrl, replica);
    // A real server process: another process's changes reach it as they would in production.
    server = await startServer({
      DATABASE_URL: inSchema(primaryUrl, t.schema!),
      DATABASE_REPLICA_URL: inSchema(replica, t.schema!),
      DATA_DIR: t.dir,
    });
  });

  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await resumeReplay(replica).catch(() => {});
    await writer?.close();
    if (t) await closeTestDatabase(t);
  });

  /** A context of this process that reads through replicas, as a server's does. */
  async function routedContext(replicaUrls: string[]): Promise<{ ctx: WiredContext; db: Db }> {
    const config = { kind: 'postgres' as const, url: primaryUrl, replicaUrls };
    const db = connect(config, { schema: t.schema!, poolSize: 4 });
    const ctx = await testContext({ ...t, db, config }, systemClock, PUBLIC_URL);
    return { ctx, db };
  }

  it("answers an anonymous reader from the replica, and harvesters and the API's sync listing from the primary", async () => {
    const piece = await buildPublication(writer, {
      sectionId,
      slug: 'first',
      title: 'First title',
    });
    await waitForReplay(primaryUrl, replica);
    const { base } = server!;
    const api = `${base}/api/v1/publications/${piece.id}`;
    // The server asks the replica how far it has replayed on its first reads.
    await until(async () => (await (await fetch(api)).json()).title === 'First title', 'the API');
    await pauseReplay(replica);
    try {
      // A change no process announces (an operator's own SQL): only the primary has it.
      const admin = new pg.Client({ connectionString: inSchema(primaryUrl, t.schema!) });
      await admin.connect();
      await admin.query("update publications set title = 'Changed in SQL' where id = $1", [
        piece.id,
      ]);
      await admin.end();
      const fromReplica = await (await fetch(api)).json();
      expect(fromReplica.title).toBe('First title');
      const sync = await (
        await fetch(`${base}/api/v1/publications?updated_since=2000-01-01T00:00:00Z`)
      ).json();
      expect(JSON.stringify(sync)).toContain('Changed in SQL');
      const oai = await (await fetch(`${base}/oai?verb=ListRecords&metadataPrefix=oai_dc`)).text();
      expect(oai).toContain('Changed in SQL');
    } finally {
      await resumeReplay(replica);
    }
    await waitForReplay(primaryUrl, replica);
    await until(async () => (await (await fetch(api)).json()).title === 'Changed in SQL', 'replay');
  });

  it('never lets a replica that is behind undo a change another process announced, in the page cache or out of it', async () => {
    const { base } = server!;
    const piece = await buildPublication(writer, { sectionId, slug: 'second', title: 'Before' });
    await waitForReplay(primaryUrl, replica);
    const page = `${base}/reports/${piece.slug}/`;
    await until(async () => (await titleIn(await fetch(page))) === 'Before', 'the page');
    // The page is now in the server's render cache; the replica stops replaying.
    await pauseReplay(replica);
    try {
      await editPublication(writer, piece.id, { title: 'After' });
      await until(async () => (await titleIn(await fetch(page))) === 'After', 'the change');
      for (let i = 0; i < 10; i++) expect(await titleIn(await fetch(page))).toBe('After');
      const current = (await writer.repos.publications.findById(piece.id))!;
      await changeStatus(
        writer,
        {
          id: piece.id,
          version: current.version,
          to: 'withdrawn',
          withdrawnReason: 'Legal request.',
        },
        SYSTEM_ACTOR,
      );
      await until(async () => (await fetch(page)).status === 410, 'the withdrawal');
      for (let i = 0; i < 10; i++) {
        const again = await fetch(page);
        expect(again.status).toBe(410);
        expect(await again.text()).toContain('Legal request.');
      }
    } finally {
      await resumeReplay(replica);
    }
  });

  it('reads what this process has just written, even from inside an anonymous request', async () => {
    const { ctx, db } = await routedContext([replica]);
    try {
      const piece = await buildPublication(ctx, { sectionId, title: 'Own write' });
      await waitForReplay(primaryUrl, replica);
      await pauseReplay(replica);
      try {
        const seen = await ctx.db.reads.anonymous(async () => {
          await editPublication(ctx, piece.id, { title: 'Own write, changed' });
          return (await ctx.repos.publications.findById(piece.id))?.title;
        });
        expect(seen).toBe('Own write, changed');
        // The replica has not replayed it: anonymous reads go to the primary meanwhile.
        expect(db.replicaSet!.states()).toEqual([{ up: true, caughtUp: false }]);
      } finally {
        await resumeReplay(replica);
      }
      await waitForReplay(primaryUrl, replica);
      const before = db.replicaSet!.answered.replica;
      await until(async () => {
        await ctx.db.reads.anonymous(() => ctx.repos.publications.findById(piece.id));
        return db.replicaSet!.answered.replica > before;
      }, 'a read answered by the caught-up replica');
    } finally {
      await ctx.close();
      await db.close();
    }
  });

  it('serves from the primary when a replica does not answer, and says so on /healthz', async () => {
    const closed = `postgres://postgres@127.0.0.1:${await freePort()}/test`;
    const { ctx, db } = await routedContext([closed]);
    try {
      const piece = await buildPublication(ctx, { sectionId, title: 'Still served' });
      const app = createApp(ctx);
      for (let i = 0; i < 3; i++) {
        const res = await app.request(`/reports/${piece.slug}/`);
        expect(res.status).toBe(200);
        expect(await titleIn(res)).toBe('Still served');
      }
      const health = await (await app.request('/healthz')).json();
      expect(health).toMatchObject({ status: 'ok', replicas: [{ up: false }] });
    } finally {
      await ctx.close();
      await db.close();
    }
  });
});
