import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import type { UserRole } from '../../src/core/content-types.ts';
import type { Section } from '../../src/core/entities.ts';
import type { ApiScope } from '../../src/features/api/api-tokens.ts';
import { revokeApiToken } from '../../src/features/api/api-tokens.ts';
import { writeTextPdf } from '../../src/infra/pdf/write-text-pdf.ts';
import { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildPublication,
  buildSection,
  fixedClock,
  testContext,
  unique,
} from '../support/factories.ts';
import { ApiClient, tokenFor } from './api-client.ts';

type Pub = { id: number; version: number; status: string; title: string; slug: string };

const ROLES: UserRole[] = ['contributor', 'editor', 'admin'];
const SCOPE_SETS: ApiScope[][] = [
  [],
  ['read-drafts'],
  ['write'],
  ['publish'],
  ['write', 'publish'],
];

describeEachDatabase('the JSON API: writing', (db) => {
  let ctx: AppContext;
  let api: ApiClient;
  let section: Section;
  let editor: string;
  let editorTokenId: number;
  let pdf: Uint8Array<ArrayBuffer>;

  const draftInput = (overrides: Record<string, unknown> = {}) => ({
    sectionId: section.id,
    slug: unique('api-piece'),
    type: 'report',
    title: 'Satellite imagery of a camp',
    ...overrides,
  });

  beforeAll(async () => {
    ctx = await testContext(db(), fixedClock('2026-06-01T12:00:00.000Z'));
    api = await ApiClient.open(createApp(ctx));
    section = await buildSection(ctx);
    const t = await tokenFor(ctx, 'editor', ['read-drafts', 'write', 'publish']);
    editor = t.token;
    editorTokenId = t.tokenId;
    pdf = new Uint8Array(
      await writeTextPdf({ title: 'Evidence', author: 'HRNK', language: 'en', pages: ['kept'] }),
    );
  }, 60_000);

  it('writes and reads back a date known only to the month, and refuses a precision it does not know', async () => {
    const created = await api.request<Pub & { publishedPrecision: string }>(
      'POST',
      '/api/v1/publications',
      {
        token: editor,
        json: draftInput({
          publishedAt: '2020-10-01T00:00:00.000Z',
          publishedPrecision: 'month',
        }),
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.publishedPrecision).toBe('month');
    expect((await ctx.repos.publications.findById(created.body.id))?.publishedPrecision).toBe(
      'month',
    );
    const read = await api.request<{ publishedPrecision: string }>(
      'GET',
      `/api/v1/publications/${created.body.id}`,
      { token: editor },
    );
    expect(read.body.publishedPrecision).toBe('month');
    const refused = await api.request('POST', '/api/v1/publications', {
      token: editor,
      json: draftInput({ publishedAt: '2020-10-01T00:00:00.000Z', publishedPrecision: 'week' }),
    });
    expect(refused.status).toBe(400);
    const plain = await api.request<{ publishedPrecision: string }>(
      'POST',
      '/api/v1/publications',
      {
        token: editor,
        json: draftInput(),
      },
    );
    expect(plain.body.publishedPrecision).toBe('day');
  });

  it('creates, updates, publishes and withdraws a publication, each audited as the token', async () => {
    const created = await api.request<Pub>('POST', '/api/v1/publications', {
      token: editor,
      json: draftInput({ body: 'Text with a footnote.[^1]\n\n[^1]: The note.' }),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', version: 1 });
    const id = created.body.id;
    const updated = await api.request<Pub>('PUT', `/api/v1/publications/${id}`, {
      token: editor,
      json: { ...draftInput({ slug: created.body.slug, title: 'A better title' }), version: 1 },
    });
    expect(updated.body).toMatchObject({ title: 'A better title', version: 2 });
    const published = await api.request<Pub>('POST', `/api/v1/publications/${id}/publish`, {
      token: editor,
      json: { version: 2 },
    });
    expect(published.body).toMatchObject({ status: 'published', version: 3 });
    expect((await api.request('GET', `/api/v1/publications/${id}`)).status).toBe(200);
    const withdrawn = await api.request<Pub>('POST', `/api/v1/publications/${id}/withdraw`, {
      token: editor,
      json: { version: 3, reason: 'A source asked us to' },
    });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn' });
    expect((await api.request('GET', `/api/v1/publications/${id}`)).status).toBe(410);

    const events = await ctx.repos.audit.list({ limit: 1000 });
    const mine = events.filter(
      (e) => e.subjectId === String(id) && e.subjectType === 'publication',
    );
    expect(mine.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'publication.create',
        'publication.status.published',
        'publication.status.withdrawn',
      ]),
    );
    expect(
      mine.every(
        (e) => e.actorLabel === `API token #${editorTokenId} (editor read-drafts+write+publish)`,
      ),
    ).toBe(true);
    expect(
      events.some((e) => e.action === 'api-token.use' && e.subjectId === String(editorTokenId)),
    ).toBe(true);
    const token = await ctx.repos.apiTokens.findById(editorTokenId);
    expect(token?.lastUsedAt).toBe('2026-06-01T12:00:00.000Z');
  });

  it('lets exactly one of two writers with the same version win; the other gets 409 and loses nothing', async () => {
    const piece = await buildPublication(ctx, { sectionId: section.id, status: 'draft' });
    const base = { ...draftInput({ slug: piece.slug }), version: piece.version };
    const [a, b] = await Promise.all([
      api.request<Pub>('PUT', `/api/v1/publications/${piece.id}`, {
        token: editor,
        json: { ...base, title: 'Writer A' },
      }),
      api.request<Pub>('PUT', `/api/v1/publications/${piece.id}`, {
        token: editor,
        json: { ...base, title: 'Writer B' },
      }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    const loser = a.status === 200 ? b : a;
    expect(loser.body).toMatchObject({
      type: '/api/v1/problems/conflict',
      currentVersion: piece.version + 1,
    });
    const stored = (await ctx.repos.publications.findById(piece.id))!;
    expect(stored.title).toBe(winner.body.title);
    expect(stored.version).toBe(piece.version + 1);
    // The loser resends over the current version and lands; both texts are now in the history.
    const retry = await api.request<Pub>('PUT', `/api/v1/publications/${piece.id}`, {
      token: editor,
      json: {
        ...base,
        title: a.status === 200 ? 'Writer B' : 'Writer A',
        version: piece.version + 1,
      },
    });
    expect(retry.status).toBe(200);
    const titles = await Promise.all(
      [piece.version + 1, piece.version + 2].map(
        async (v) => ((await ctx.repos.revisions.snapshot(piece.id, v)) as { title: string }).title,
      ),
    );
    expect(titles.sort()).toEqual(['Writer A', 'Writer B']);
  });

  it('streams an uploaded PDF into the store and queues its extraction', async () => {
    const piece = await buildPublication(ctx, { sectionId: section.id, status: 'draft' });
    const res = await api.request<{ sha256: string; mediaType: string; url: string }>(
      'POST',
      `/api/v1/publications/${piece.id}/files?file_name=evidence.pdf&role=main-pdf`,
      { token: editor, body: pdf, headers: { 'Content-Type': 'application/octet-stream' } },
    );
    expect(res.status).toBe(201);
    expect(res.body.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(res.body.mediaType).toBe('application/pdf');
    const jobs = await ctx.repos.jobs.list({ kind: 'pdf.extract' });
    expect(jobs.some((j) => j.kind === 'pdf.extract')).toBe(true);
    const back = await api.request('GET', res.body.url, { token: editor });
    expect(Buffer.from(await back.raw.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
    const notPdf = await api.request(
      'POST',
      `/api/v1/publications/${piece.id}/files?file_name=x.pdf&role=main-pdf`,
      {
        token: editor,
        body: 'just text',
        headers: { 'Content-Type': 'application/octet-stream' },
      },
    );
    expect(notPdf.status).toBe(422);
  });

  it('creates and updates people, topics and places', async () => {
    const person = await api.request<{ id: number }>('POST', '/api/v1/people', {
      token: editor,
      json: { slug: unique('person'), name: 'Kim Young-hwan', sortName: 'Kim, Young-hwan' },
    });
    expect(person.status).toBe(201);
    const topic = await api.request<{ id: number; slug: string }>('POST', '/api/v1/topics', {
      token: editor,
      json: { slug: unique('topic'), name: 'Detention' },
    });
    expect(topic.status).toBe(201);
    const renamed = await api.request('PUT', `/api/v1/topics/${topic.body.id}`, {
      token: editor,
      json: { slug: topic.body.slug, name: 'Arbitrary detention', nameKo: '자의적 구금' },
    });
    expect(renamed.body).toMatchObject({ name: 'Arbitrary detention', nameKo: '자의적 구금' });
    const place = await api.request<{ names: unknown[] }>('POST', '/api/v1/places', {
      token: editor,
      json: {
        slug: unique('place'),
        kind: 'city',
        names: [
          { name: 'Chongjin', language: 'en', scheme: 'english', preferred: true },
          { name: '청진', language: 'ko', scheme: 'hangul' },
        ],
      },
    });
    expect(place.status).toBe(201);
    expect(place.body.names).toHaveLength(2);
    const taken = await api.request('POST', '/api/v1/topics', {
      token: editor,
      json: { slug: topic.body.slug, name: 'Again' },
    });
    expect(taken.body).toMatchObject({ status: 422, issues: [{ path: 'slug' }] });
  });

  describe('hostile payloads', () => {
    const post = (json: unknown, headers: Record<string, string> = {}) =>
      api.request<{ status: number; type: string; issues?: Array<{ path: string }> }>(
        'POST',
        '/api/v1/publications',
        { token: editor, json, headers },
      );

    it('refuses unknown fields, at the top and inside arrays', async () => {
      const top = await post({ ...draftInput(), isAdmin: true });
      expect(top.body).toMatchObject({ status: 400, issues: [{ path: 'isAdmin' }] });
      const nested = await post({ ...draftInput(), contributions: [{ personId: 1, evil: 1 }] });
      expect(nested.body).toMatchObject({
        status: 400,
        issues: [{ path: 'contributions.0.evil' }],
      });
    });

    it('refuses wrong types with the path of each', async () => {
      const res = await post({
        ...draftInput(),
        sectionId: 'one',
        excerptOnly: 'yes',
        topicIds: 'all',
      });
      expect(res.status).toBe(400);
      expect(res.body.issues?.map((i) => i.path)).toEqual(
        expect.arrayContaining(['sectionId', 'excerptOnly', 'topicIds']),
      );
    });

    it('refuses __proto__, constructor and prototype keys anywhere', async () => {
      for (const body of [
        `{"__proto__":{"isAdmin":true},"title":"x"}`,
        `{"sectionId":1,"contributions":[{"constructor":{"prototype":{"x":1}}}]}`,
        `{"a":{"b":{"prototype":1}}}`,
      ]) {
        const res = await post(body);
        expect(res.body).toMatchObject({ status: 400, type: '/api/v1/problems/forbidden-key' });
      }
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });

    it('refuses malformed JSON, other media types and oversized bodies', async () => {
      expect((await post('{"title": ')).body).toMatchObject({
        status: 400,
        type: '/api/v1/problems/malformed-json',
      });
      const form = await api.request('POST', '/api/v1/publications', {
        token: editor,
        body: 'title=x',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      expect(form.status).toBe(415);
      const huge = await post({ ...draftInput(), body: 'x'.repeat(10 * 1024 * 1024) });
      expect(huge.body).toMatchObject({ status: 413, type: '/api/v1/problems/too-large' });
      const longTitle = await post({ ...draftInput(), title: 'x'.repeat(501) });
      expect(longTitle.body).toMatchObject({ status: 400, issues: [{ path: 'title' }] });
      const bigUpload = await api.request(
        'POST',
        '/api/v1/publications/1/files?file_name=a.pdf&role=main-pdf',
        {
          token: editor,
          body: 'x',
          headers: {
            'Content-Length': String(300 * 1024 * 1024),
            'Content-Type': 'application/pdf',
          },
        },
      );
      expect(bigUpload.status).toBe(413);
    });
  });

  it('stops a revoked token at once', async () => {
    const t = await tokenFor(ctx, 'editor', ['write']);
    expect(
      (
        await api.request('POST', '/api/v1/topics', {
          token: t.token,
          json: { slug: unique('t'), name: 'x' },
        })
      ).status,
    ).toBe(201);
    await revokeApiToken(ctx, t.tokenId, SYSTEM_ACTOR);
    const after = await api.request('POST', '/api/v1/topics', {
      token: t.token,
      json: { slug: unique('t'), name: 'x' },
    });
    expect(after.status).toBe(401);
    const read = await api.request('GET', '/api/v1/sections', { token: t.token });
    expect(read.status).toBe(401);
  });

  /**
   * Tokens × scopes × roles, and anonymous, over every kind of write: allowed exactly when the
   * token has the scope and the account's role may do it.
   */
  it('authorizes every write by scope and role: the matrix', async () => {
    const callers: Array<{ label: string; token?: string; role?: UserRole; scopes: ApiScope[] }> = [
      { label: 'anonymous', scopes: [] },
    ];
    for (const role of ROLES) {
      for (const scopes of SCOPE_SETS) {
        callers.push({
          label: `${role} [${scopes.join(',')}]`,
          role,
          scopes,
          token: (await tokenFor(ctx, role, scopes)).token,
        });
      }
    }
    const isEditor = (r?: UserRole) => r === 'editor' || r === 'admin';
    const ops: Array<{
      name: string;
      allowed: (c: (typeof callers)[number]) => boolean;
      run: (token?: string) => Promise<number>;
    }> = [
      {
        name: 'create a draft',
        allowed: (c) => c.scopes.includes('write') && c.role !== undefined,
        run: async (token) =>
          (await api.request('POST', '/api/v1/publications', { token, json: draftInput() })).status,
      },
      {
        name: 'create it published',
        allowed: (c) =>
          c.scopes.includes('write') && c.scopes.includes('publish') && isEditor(c.role),
        run: async (token) =>
          (
            await api.request('POST', '/api/v1/publications', {
              token,
              json: draftInput({ status: 'published', publishedAt: '2020-01-01T00:00:00Z' }),
            })
          ).status,
      },
      {
        name: "edit someone else's draft",
        allowed: (c) => c.scopes.includes('write') && isEditor(c.role),
        run: async (token) => {
          const p = await buildPublication(ctx, { sectionId: section.id, status: 'draft' });
          return (
            await api.request('PUT', `/api/v1/publications/${p.id}`, {
              token,
              json: { ...draftInput({ slug: p.slug }), version: p.version },
            })
          ).status;
        },
      },
      {
        name: 'publish',
        allowed: (c) => c.scopes.includes('publish') && isEditor(c.role),
        run: async (token) => {
          const p = await buildPublication(ctx, { sectionId: section.id, status: 'draft' });
          return (
            await api.request('POST', `/api/v1/publications/${p.id}/publish`, {
              token,
              json: { version: p.version },
            })
          ).status;
        },
      },
      {
        name: "attach a file to someone else's draft",
        allowed: (c) => c.scopes.includes('write') && isEditor(c.role),
        run: async (token) => {
          const p = await buildPublication(ctx, { sectionId: section.id, status: 'draft' });
          return (
            await api.request(
              'POST',
              `/api/v1/publications/${p.id}/files?file_name=a.pdf&role=main-pdf`,
              {
                token,
                body: pdf,
                headers: { 'Content-Type': 'application/pdf' },
              },
            )
          ).status;
        },
      },
      {
        name: 'create a topic',
        allowed: (c) => c.scopes.includes('write') && isEditor(c.role),
        run: async (token) =>
          (
            await api.request('POST', '/api/v1/topics', {
              token,
              json: { slug: unique('topic'), name: 'T' },
            })
          ).status,
      },
    ];
    const wrong: string[] = [];
    for (const op of ops) {
      for (const caller of callers) {
        const status = await op.run(caller.token);
        const expected = op.allowed(caller) ? [200, 201] : caller.token ? [403] : [401];
        if (!expected.includes(status))
          wrong.push(`${caller.label} ${op.name}: ${status}, wanted ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('lets a contributor edit their own draft through the API, but not publish it', async () => {
    const t = await tokenFor(ctx, 'contributor', ['write', 'publish', 'read-drafts']);
    const created = await api.request<Pub>('POST', '/api/v1/publications', {
      token: t.token,
      json: draftInput(),
    });
    expect(created.status).toBe(201);
    const edit = await api.request<Pub>('PUT', `/api/v1/publications/${created.body.id}`, {
      token: t.token,
      json: { ...draftInput({ slug: created.body.slug, status: 'in-review' }), version: 1 },
    });
    expect(edit.body).toMatchObject({ status: 'in-review' });
    const publish = await api.request('POST', `/api/v1/publications/${created.body.id}/publish`, {
      token: t.token,
      json: { version: 2 },
    });
    expect(publish.status).toBe(403);
    const mine = await api.request<{ items: Pub[] }>(
      'GET',
      '/api/v1/publications?status=in-review',
      { token: t.token },
    );
    expect(mine.body.items.map((p) => p.id)).toContain(created.body.id);
  });
});
