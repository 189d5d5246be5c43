import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import type { WiredContext } from '../../src/context.ts';
import { ALL } from '../../src/core/cache-keys.ts';
import type { Dialect } from '../../src/core/database-handle.ts';
import type { PublicationRecord, Section } from '../../src/core/entities.ts';
import type { RenderCache } from '../../src/core/render-cache.ts';
import {
  createPerson,
  createPlace,
  createSection,
} from '../../src/features/entities/create-entities.ts';
import { scheduleTrashEmptying } from '../../src/features/publishing/jobs/empty-trash-job.ts';
import { saveColours, saveLogo } from '../../src/features/reading/settings/identity.ts';
import { connect } from '../../src/infra/db/connect.ts';
import type { PdfSandbox } from '../../src/infra/pdf/pdf-sandbox.ts';
import { createApp } from '../../src/web/app.tsx';
import { tokenFor } from '../api/api-client.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { Browserish, makeStaff, type StaffAccount } from '../support/admin-session.ts';
import { closeTestDatabase, openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { fixedClock, testContext } from '../support/factories.ts';
import { type LocalTsa, startLocalTsa } from '../support/local-tsa.ts';
import { replicaUrl } from '../support/replica.ts';
import type { OfficeRole, SectionSlug, TokenKind } from './model.ts';

export const START = '2026-06-01T12:00:00.000Z';
const IDENTITY_COLOURS = {
  brand: '#7a1f3d',
  accent: '#0b5d7a',
  text: '#1a1a1a',
  background: '#fffdf7',
};
const IDENTITY_LOGO = new TextEncoder().encode(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>',
);
export const PUBLIC_URL = 'https://archive.example.org';

/**
 * One time-stamping authority for every world of a suite, so that each piece's timestamped
 * versions (…/versions/{n}/record.json) are among the surfaces the crawl reads.
 */
let sharedTsa: Promise<LocalTsa> | null = null;
const authority = () => {
  sharedTsa ??= startLocalTsa();
  return sharedTsa;
};

export async function closeSharedAuthority(): Promise<void> {
  const tsa = await sharedTsa;
  sharedTsa = null;
  await tsa?.close();
}

/** An HTTP answer as the test keeps it. */
export interface Answer {
  status: number;
  body: string;
  location: string | null;
}

/**
 * On PostgreSQL, when the run has a streaming replica, the world reads through it as a server
 * with `DATABASE_REPLICA_URL` does: anonymous readers may be answered by the replica, so every
 * surface the model checks is checked as a replica would serve it.
 */
async function withReplica(t: TestDatabase): Promise<TestDatabase> {
  const replica = replicaUrl();
  if (t.config.kind !== 'postgres' || !replica || !t.schema) return t;
  await t.db.close();
  const config = { ...t.config, replicaUrls: [replica] };
  return { ...t, config, db: connect(config, { schema: t.schema, poolSize: 4 }) };
}

/**
 * One archive for one sequence of operations: a fresh database, the render cache on as under
 * `dossier serve`, three signed-in staff members and four API tokens.
 */
export class World {
  private readonly sessions = new Map<OfficeRole, OfficeSession>();

  private constructor(
    readonly clock: ReturnType<typeof fixedClock>,
    readonly t: TestDatabase,
    readonly ctx: WiredContext,
    readonly app: Hono,
    readonly cache: RenderCache,
    readonly sections: Record<SectionSlug, Section>,
    readonly accounts: Record<OfficeRole, StaffAccount>,
    readonly tokens: Record<TokenKind, { token: string; userId: number }>,
    readonly dir: string,
  ) {}

  /**
   * `pdf`: a sandbox shared by the runs of a suite, so that reading PDFs costs its start-up
   * (child processes, pdf.js) once rather than in every run.
   */
  static async open(dialect: Dialect, pdf: PdfSandbox): Promise<World> {
    const t = await withReplica(await openTestDatabase(dialect));
    const clock = fixedClock(START);
    // A CDN in front, so that the pages' surrogate keys are among what the probes compare. Its
    // purges go nowhere: the world never runs them.
    const tsa = await authority();
    const ctx = await testContext(t, clock, PUBLIC_URL, {
      renderCache: {},
      config: {
        cdnPurgeUrl: 'http://127.0.0.1:9/purge',
        timestamping: { url: tsa.url, caFile: tsa.caFile },
      },
    });
    await ctx.pdf.close();
    ctx.pdf = pdf;
    const cache = ctx.renderCache!;
    const app = createApp(ctx);
    const sections = {
      reports: await createSection(ctx, { slug: 'reports', title: 'Reports' }, SYSTEM_ACTOR),
      articles: await createSection(ctx, { slug: 'articles', title: 'Articles' }, SYSTEM_ACTOR),
    };
    const accounts = {
      admin: await makeStaff(ctx, 'admin'),
      editor: await makeStaff(ctx, 'editor'),
      contributor: await makeStaff(ctx, 'contributor'),
    };
    const tokens = {
      read: await tokenFor(ctx, 'editor', ['read-drafts']),
      write: await tokenFor(ctx, 'editor', ['write']),
      publish: await tokenFor(ctx, 'editor', ['write', 'publish']),
      contrib: await tokenFor(ctx, 'contributor', ['write']),
    };
    // As every server does on start.
    await scheduleTrashEmptying(ctx);
    // The site's own look, so that the crawl reads its files (/identity/…) as well.
    await saveColours(ctx, IDENTITY_COLOURS, SYSTEM_ACTOR);
    await saveLogo(ctx, { bytes: IDENTITY_LOGO, fileName: 'logo.svg' }, SYSTEM_ACTOR);
    return new World(
      clock,
      t,
      ctx,
      app,
      cache,
      sections,
      accounts,
      tokens,
      mkdtempSync(join(t.dir, 'world-')),
    );
  }

  now(): string {
    return this.clock.now().toISOString();
  }

  /**
   * Moves the clock. The render cache's timers (for embargoes and dates that pass) wait on the
   * wall clock, so moving the test's clock stands for the time they would have waited.
   */
  setNow(iso: string): void {
    this.clock.set(iso);
    this.cache.invalidate([ALL]);
  }

  /** What the server's job runner does between requests: every job that is due. */
  async runJobs(): Promise<void> {
    await createJobRunner(this.ctx).drain();
  }

  async record(id: number): Promise<PublicationRecord | undefined> {
    return this.ctx.repos.publications.findById(id);
  }

  async makePerson(name: string, slug: string): Promise<number> {
    return (
      await createPerson(
        this.ctx,
        { slug, name, sortName: sortNameOf(name), roles: [] },
        SYSTEM_ACTOR,
      )
    ).id;
  }

  async makePlace(name: string, slug: string): Promise<number> {
    return (
      await createPlace(
        this.ctx,
        {
          slug,
          kind: 'town',
          names: [{ name, language: 'en', scheme: 'english', preferred: true }],
          // A sourced position, so that the map data (GeoJSON) names the place while it is public.
          latitude: 42.2,
          longitude: 129.8,
          coordinatesSource: 'A public gazetteer (model)',
        },
        SYSTEM_ACTOR,
      )
    ).id;
  }

  /** A request as an anonymous reader makes it. */
  async anonymous(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.app.request(`http://localhost${path}`, { headers });
  }

  /** A call to the API with one of the tokens. */
  async api(
    token: TokenKind,
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<Answer> {
    const init: RequestInit = {
      method,
      headers: { Authorization: `Bearer ${this.tokens[token].token}` },
    };
    if (body !== undefined) {
      (init.headers as Record<string, string>)['Content-Type'] = contentType;
      init.body = contentType === 'application/json' ? JSON.stringify(body) : (body as BodyInit);
    }
    return answer(await this.app.request(`http://localhost${path}`, init));
  }

  /** The signed-in session of a staff member, signed in again when it has expired. */
  async office(role: OfficeRole, beforeSignIn: () => Promise<void>): Promise<OfficeSession> {
    const now = this.clock.now().getTime();
    let session = this.sessions.get(role);
    if (!session?.fresh(now)) {
      // A code from the authenticator works once: a new sign-in waits for the next one.
      await beforeSignIn();
      session = await OfficeSession.signIn(this, this.accounts[role]);
      this.sessions.set(role, session);
    }
    return session;
  }

  async close(): Promise<void> {
    // Reading through a replica must mean the replica answered the crawl, not only the primary.
    const replicas = this.t.db.replicaSet;
    if (replicas && replicas.answered.replica === 0) {
      throw new Error('the replica answered none of the public reads: the model did not check it');
    }
    await this.ctx.close();
    rmSync(this.dir, { recursive: true, force: true });
    await closeTestDatabase(this.t);
  }
}

const sortNameOf = (name: string) => name.split(' ').reverse().join(', ');

export async function answer(res: Response): Promise<Answer> {
  const type = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    body: /pdf|image|octet/.test(type) ? '' : await res.text(),
    location: res.headers.get('location'),
  };
}

/** A staff member's browser: cookies, the session's CSRF token, and when it was last used. */
export class OfficeSession {
  private lastUsed: number;
  private constructor(
    private readonly world: World,
    private readonly browser: Browserish,
    private readonly csrf: string,
    private readonly signedInAt: number,
  ) {
    this.lastUsed = signedInAt;
  }

  static async signIn(world: World, account: StaffAccount): Promise<OfficeSession> {
    const browser = new Browserish(world.app, PUBLIC_URL);
    const res = await browser.signIn(account, world.ctx);
    if (res.status !== 303) throw new Error(`signing in answered ${res.status}`);
    const page = await (await browser.request('/admin/publications')).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
    if (!csrf) throw new Error('no CSRF token on the back office pages');
    return new OfficeSession(world, browser, csrf, world.clock.now().getTime());
  }

  /** Well inside the 30-minute idle and 12-hour absolute limits. */
  fresh(now: number): boolean {
    return now - this.lastUsed < 25 * 60_000 && now - this.signedInAt < 11 * 3_600_000;
  }

  async get(path: string): Promise<Answer> {
    this.lastUsed = this.world.clock.now().getTime();
    return answer(await this.browser.request(path));
  }

  /** Posts a form as the back office's own pages do. */
  async post(path: string, fields: Record<string, string | string[]>): Promise<Answer> {
    this.lastUsed = this.world.clock.now().getTime();
    const body = new URLSearchParams();
    body.set('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields))
      for (const item of [v].flat()) body.append(k, item);
    return answer(
      await this.browser.request(path, {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
    );
  }

  async upload(path: string, file: File, fields: Record<string, string>): Promise<Answer> {
    this.lastUsed = this.world.clock.now().getTime();
    const form = new FormData();
    form.set('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set('file', file);
    return answer(await this.browser.request(path, { method: 'POST', body: form }));
  }
}
