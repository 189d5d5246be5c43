import { type ChildProcess, spawn } from 'node:child_process';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { FIXITY_JOB } from '../../src/features/publishing/jobs/fixity-job.ts';
import { Browserish, makeStaff, type StaffAccount } from '../support/admin-session.ts';
import { closeTestDatabase, openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { buildPublication, buildSection, testContext } from '../support/factories.ts';
import { freePort, untilServing } from '../support/live-server.ts';
import { BIN } from '../support/run-cli.ts';
import { totpCodeAt } from '../support/totp.ts';

const PUBLIC_URL = 'http://archive.test';
const children: ChildProcess[] = [];

/** A real `dossier serve` process; resolves once it says it is serving. */
async function startServer(env: Record<string, string>, args: string[] = []): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve', ...args], {
    // The hit-or-miss header is off unless asked for: these tests read it.
    env: {
      PATH: process.env.PATH ?? '',
      DOSSIER_RENDER_CACHE_HEADER: 'on',
      ...env,
      PORT: String(port),
      PUBLIC_URL,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  await untilServing(child);
  return `http://127.0.0.1:${port}`;
}

/** A browser on PUBLIC_URL's origin whose requests reach one particular server process. */
function browserOn(base: string): Browserish {
  const http = {
    request: (url: string, init?: RequestInit) =>
      fetch(url.replace(PUBLIC_URL, base), { ...init, redirect: 'manual' }),
  } as unknown as Hono;
  return new Browserish(http, PUBLIC_URL);
}

/** An archive with one piece in /reports/ and an editor who may withdraw it. */
interface OnePieceArchive {
  t: TestDatabase;
  ctx: WiredContext;
  editor: StaffAccount;
  path: string;
  publicationId: number;
}

async function openOnePieceArchive(
  dialect: 'sqlite' | 'postgres',
  piece: { slug: string; title: string },
): Promise<OnePieceArchive> {
  const t = await openTestDatabase(dialect);
  const ctx = await testContext(t, undefined, PUBLIC_URL);
  const section = await buildSection(ctx, { slug: 'reports' });
  const { id, slug } = await buildPublication(ctx, { sectionId: section.id, ...piece });
  const editor = await makeStaff(ctx, 'editor');
  return { t, ctx, editor, path: `/reports/${slug}/`, publicationId: id };
}

async function closeOnePieceArchive(archive: OnePieceArchive | undefined): Promise<void> {
  for (const c of children) c.kill('SIGKILL');
  if (archive) await closeTestDatabase(archive.t);
}

/** The editor signs in on the server process at `base` and withdraws the piece there. */
async function withdrawThrough(base: string, { ctx, editor, publicationId }: OnePieceArchive) {
  const browser = browserOn(base);
  const signIn = await browser.signIn(editor, ctx, totpCodeAt(editor.totpSecret, new Date()));
  expect(signIn.status).toBe(303);
  const version = (await ctx.repos.publications.findById(publicationId))!.version;
  const withdrawn = await browser.submit(
    `/admin/publications/${publicationId}`,
    `/admin/publications/${publicationId}/status`,
    { to: 'withdrawn', version: String(version), withdrawnReason: 'Legal request.' },
  );
  expect(withdrawn.status).toBe(303);
}

const pgUrl = inject('postgresUrl');

describe.skipIf(pgUrl === null)('two server processes on one PostgreSQL', () => {
  let archive: OnePieceArchive;
  let ctx: WiredContext;
  let a: string;
  let b: string;
  let path: string;

  beforeAll(async () => {
    archive = await openOnePieceArchive('postgres', { slug: 'camp-25', title: 'Camp No. 25' });
    ({ ctx, path } = archive);
    const { t } = archive;
    const url = pgUrl!;
    const databaseUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${t.schema},public`)}`;
    const env = { DATABASE_URL: databaseUrl, DATA_DIR: t.dir };
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
  }, 180_000);

  afterAll(() => closeOnePieceArchive(archive));

  it('shows an edit made through one process on the other within a second', async () => {
    const first = await fetch(`${b}${path}`);
    expect(first.status).toBe(200);
    const cached = await fetch(`${b}${path}`);
    expect(cached.headers.get('x-render-cache')).toBe('hit');
    expect(await cached.text()).toContain('Camp No. 25');

    await withdrawThrough(a, archive);
    const editedAt = Date.now();

    let status = 200;
    while (status !== 410 && Date.now() - editedAt < 1_000) {
      status = (await fetch(`${b}${path}`)).status;
      if (status !== 410) await new Promise((r) => setTimeout(r, 25));
    }
    expect(status).toBe(410);
    expect(Date.now() - editedAt).toBeLessThan(1_000);
    expect((await fetch(`${a}${path}`)).status).toBe(410);
  });

  it('shows a piece published by another kind of process (an import, a CLI) within a second', async () => {
    await (await fetch(`${b}/reports/`)).arrayBuffer();
    const cached = await fetch(`${b}/reports/`);
    expect(cached.headers.get('x-render-cache')).toBe('hit');
    expect(await cached.text()).not.toContain('Camp No. 18');
    // This test process writes through the services, as `dossier import` would.
    const section = (await ctx.repos.sections.findBySlug('reports'))!;
    await buildPublication(ctx, { sectionId: section.id, slug: 'camp-18', title: 'Camp No. 18' });
    const writtenAt = Date.now();
    let listing = '';
    while (!listing.includes('Camp No. 18') && Date.now() - writtenAt < 1_000) {
      listing = await (await fetch(`${b}/reports/`)).text();
      if (!listing.includes('Camp No. 18')) await new Promise((r) => setTimeout(r, 25));
    }
    expect(listing).toContain('Camp No. 18');
    expect(Date.now() - writtenAt).toBeLessThan(1_000);
  });

  it('runs each job exactly once between the two processes', async () => {
    const now = new Date().toISOString();
    const ids: number[] = [];
    for (let i = 0; i < 8; i++) {
      ids.push(await ctx.repos.jobs.enqueue({ kind: FIXITY_JOB, payload: {}, runAfter: now }, now));
    }
    const deadline = Date.now() + 60_000;
    let done: Array<{ id: number; status: string; attempts: number }> = [];
    while (Date.now() < deadline) {
      const rows = await ctx.db.kysely
        .selectFrom('jobs')
        .select(['id', 'status', 'attempts'])
        .where('id', 'in', ids)
        .execute();
      done = rows.filter((r) => r.status === 'done');
      if (done.length === ids.length) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(done).toHaveLength(ids.length);
    expect(done.every((j) => j.attempts === 1)).toBe(true);
    const checks = await ctx.repos.audit.list({ actionFamily: 'fixity', limit: 100 });
    expect(checks).toHaveLength(ids.length);
  }, 90_000);
});

describe('dossier serve --workers 2 on SQLite', () => {
  let archive: OnePieceArchive;
  let server: string;
  let path: string;

  beforeAll(async () => {
    archive = await openOnePieceArchive('sqlite', { slug: 'camp-15', title: 'Camp No. 15' });
    ({ path } = archive);
    const { t } = archive;
    const databaseUrl = `sqlite:${(t.config as { path: string }).path}`;
    server = await startServer({ DATABASE_URL: databaseUrl, DATA_DIR: t.dir }, ['--workers', '2']);
  }, 180_000);

  afterAll(() => closeOnePieceArchive(archive));

  it('serves from both workers and shows a withdrawal through either within a second', async () => {
    // Round-robin spreads these over both workers, so each has the page cached.
    const states = new Set<string | null>();
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${server}${path}`);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      states.add(res.headers.get('x-render-cache'));
    }
    expect(states.has('hit')).toBe(true);

    await withdrawThrough(server, archive);
    await new Promise((r) => setTimeout(r, 1_000));
    for (let i = 0; i < 12; i++) {
      expect((await fetch(`${server}${path}`)).status).toBe(410);
    }
  });
});
