import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { isPubliclyVisible } from '../../src/core/publication-status.ts';
import { changeStatus } from '../../src/features/publishing/workflow.ts';
import { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { demoContext } from '../support/demo-context.ts';
import { ApiClient, tokenFor } from './api-client.ts';

type Page = { items: Array<Record<string, unknown>>; total: number; nextCursor: string | null };

describeEachDatabase('the JSON API: reading', (db) => {
  let ctx: AppContext;
  let api: ApiClient;
  let editorDrafts: string;
  let editorNoScope: string;
  let publicIds: number[];
  let allIds: number[];

  /** Every page of a listing, following nextCursor. */
  const everything = async (query: string, token?: string) => {
    const items: Array<Record<string, unknown>> = [];
    let cursor: string | null = null;
    let total = -1;
    do {
      const sep = query.includes('?') ? '&' : '?';
      const path: string = `/api/v1/publications${query}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res: { status: number; body: Page } = await api.request<Page>('GET', path, { token });
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      total = res.body.total;
      cursor = res.body.nextCursor;
    } while (cursor);
    return { items, total };
  };

  beforeAll(async () => {
    ctx = await demoContext(db());
    api = await ApiClient.open(createApp(ctx));
    editorDrafts = (await tokenFor(ctx, 'editor', ['read-drafts'])).token;
    editorNoScope = (await tokenFor(ctx, 'editor', [])).token;
    const all = await ctx.repos.publications.listForEditors({ limit: 1000 });
    allIds = all.map((p) => p.id).sort((a, b) => a - b);
    publicIds = all
      .filter((p) => isPubliclyVisible(p, ctx.clock.now()))
      .map((p) => p.id)
      .sort((a, b) => a - b);
  }, 120_000);

  it('lists exactly the public publications to anonymous callers, across cursor pages', async () => {
    const { items, total } = await everything('?limit=3');
    expect(items.map((p) => p.id as number).sort((a, b) => a - b)).toEqual(publicIds);
    expect(total).toBe(publicIds.length);
    expect(items.every((p) => p.status === 'published')).toBe(true);
    // The demo holds drafts, so the difference is real.
    expect(allIds.length).toBeGreaterThan(publicIds.length);
  });

  it('never shows drafts to anonymous callers, not even in counts or with a status filter', async () => {
    const drafts = await api.request<Page>('GET', '/api/v1/publications?status=draft');
    expect(drafts.body).toMatchObject({ items: [], total: 0 });
    const draft = (await ctx.repos.publications.listForEditors({ status: 'draft' }))[0]!;
    const one = await api.request('GET', `/api/v1/publications/${draft.id}`);
    expect(one.status).toBe(404);
    expect(one.headers.get('Content-Type')).toBe('application/problem+json');
    const bySlug = await api.request('GET', `/api/v1/publications/${draft.slug}`);
    expect(bySlug.status).toBe(404);
    const search = await api.request<{ total: number }>(
      'GET',
      `/api/v1/search?q=${encodeURIComponent(draft.title)}`,
    );
    expect(search.status).toBe(200);
    const hits = (search.body as unknown as { hits: Array<{ publicationId: number }> }).hits;
    expect(hits.map((h) => h.publicationId)).not.toContain(draft.id);
  });

  it('searches with or without facet counts, with the same hits and an exact total', async () => {
    type Result = { total: number; totalExact: boolean; facets: unknown; hits: unknown[] };
    const full = await api.request<Result>('GET', '/api/v1/search?q=north%20korea');
    const lean = await api.request<Result>('GET', '/api/v1/search?q=north%20korea&facets=false');
    expect(full.body.facets).not.toBeNull();
    expect(lean.body.facets).toBeNull();
    expect(lean.body).toMatchObject({ total: full.body.total, totalExact: true });
    expect(lean.body.hits).toEqual(full.body.hits);
    const bad = await api.request('GET', '/api/v1/search?q=korea&facets=maybe');
    expect(bad.status).toBe(400);
  });

  it('lets a read-drafts token see every publication, drafts included; a token without it sees the public set', async () => {
    const staff = await everything('', editorDrafts);
    expect(staff.items.map((p) => p.id as number).sort((a, b) => a - b)).toEqual(allIds);
    const drafts = await api.request<Page>('GET', '/api/v1/publications?status=draft', {
      token: editorDrafts,
    });
    expect(drafts.body.total).toBeGreaterThan(0);
    const plain = await everything('', editorNoScope);
    expect(plain.items.map((p) => p.id as number).sort((a, b) => a - b)).toEqual(publicIds);
  });

  it('reads one publication by id or slug with contributors, places with every name, files and translations', async () => {
    const res = await api.request<Record<string, unknown>>(
      'GET',
      '/api/v1/publications/north-korea-camp-no-25-update-2',
    );
    expect(res.status).toBe(200);
    const p = res.body as {
      id: number;
      contributors: Array<{ person: { slug: string }; affiliationLabel: string | null }>;
      places: Array<{ slug: string; names: Array<{ scheme: string }> }>;
      attachments: Array<{ url: string; sha256: string; byteSize: number }>;
      needsAttention: string | null;
    };
    expect(p.contributors.map((c) => c.person.slug)).toEqual([
      'joseph-s-bermudez-jr',
      'andy-dinville',
      'mike-eley',
    ]);
    expect(p.places[0]?.slug).toBe('camp-no-25');
    expect(p.places[0]!.names.length).toBeGreaterThan(1);
    expect(p.attachments).toHaveLength(1);
    const file = await api.request('GET', p.attachments[0]!.url);
    expect(file.status).toBe(200);
    expect(Number(file.headers.get('Content-Length'))).toBe(p.attachments[0]!.byteSize);
    expect(file.headers.get('ETag')).toBe(`"${p.attachments[0]!.sha256}"`);
    const byId = await api.request('GET', `/api/v1/publications/${p.id}`);
    expect(byId.body).toEqual(res.body);
    expect(p.needsAttention).toBeNull();
    const english = await api.request<{ translations: Array<{ slug: string; language: string }> }>(
      'GET',
      '/api/v1/publications/north-korea-flooding-at-kyo-hwa-so-no-12-jongo-ri',
    );
    expect(english.body.translations).toEqual([
      expect.objectContaining({ slug: 'kyo-hwa-so-no-12-flooding-ko', language: 'ko' }),
    ]);
  });

  it('answers a withdrawn piece with 410 and its reason, and hides its files', async () => {
    const target = (await ctx.repos.publications.findById(publicIds[0]!))!;
    const files = await ctx.repos.files.attachmentsOf([target.id]);
    await changeStatus(
      ctx,
      {
        id: target.id,
        version: target.version,
        to: 'withdrawn',
        withdrawnReason: 'Sources at risk',
      },
      SYSTEM_ACTOR,
    );
    const res = await api.request<Record<string, unknown>>(
      'GET',
      `/api/v1/publications/${target.id}`,
    );
    expect(res.status).toBe(410);
    expect(res.body).toMatchObject({
      type: '/api/v1/problems/gone',
      withdrawnReason: 'Sources at risk',
    });
    if (files[0]) {
      const file = await api.request(
        'GET',
        `/api/v1/publications/${target.id}/files/${files[0].fileName}`,
      );
      expect(file.status).toBe(410);
    }
    const list = await everything('');
    expect(list.items.map((p) => p.id)).not.toContain(target.id);
    // A mirror learns of the withdrawal; drafts stay out even then.
    const withTombstones = await everything('?include_withdrawn=true');
    expect(withTombstones.items.find((p) => p.id === target.id)).toMatchObject({
      status: 'withdrawn',
      url: null,
    });
    expect(
      withTombstones.items.every((p) => ['published', 'withdrawn'].includes(p.status as string)),
    ).toBe(true);
    expect(withTombstones.total).toBe(list.total + 1);
    const wrongMethod = await api.request('DELETE', `/api/v1/publications/${target.id}`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('Allow')).toContain('GET');
    publicIds = publicIds.filter((id) => id !== target.id);
  });

  it('filters like the search facets and finds words with q', async () => {
    const bySection = await everything('?section=reports');
    expect(bySection.items.length).toBeGreaterThan(0);
    expect(bySection.items.every((p) => (p.section as { slug: string }).slug === 'reports')).toBe(
      true,
    );
    const byPerson = await everything('?person=roberta-cohen');
    expect(byPerson.items.length).toBeGreaterThan(0);
    const byPlace = await everything('?place=north-korea');
    const byCamp = await everything('?place=camp-no-25');
    // A place includes the places inside it.
    expect(byPlace.items.map((p) => p.id)).toEqual(
      expect.arrayContaining(byCamp.items.map((p) => p.id)),
    );
    const q = await everything('?q=camp%20update');
    expect(q.items.map((p) => p.slug)).toEqual(['north-korea-camp-no-25-update-2']);
    const unknown = await api.request<Page>('GET', '/api/v1/publications?person=nobody-at-all');
    expect(unknown.body).toMatchObject({ items: [], total: 0 });
  });

  it('syncs with updated_since: only what changed since then', async () => {
    const all = await everything('');
    const stamps = all.items.map((p) => p.datestamp as string).sort();
    const middle = stamps[Math.floor(stamps.length / 2)]!;
    const since = await everything(`?updated_since=${encodeURIComponent(middle)}`);
    expect(since.items.length).toBe(stamps.filter((s) => s >= middle).length);
    expect(since.items.every((p) => (p.datestamp as string) >= middle)).toBe(true);
  });

  it('lists people, topics and places with public work only, and all of them for read-drafts', async () => {
    for (const kind of ['people', 'topics', 'places'] as const) {
      const anon = await api.request<{ items: Array<{ slug: string }>; total: number }>(
        'GET',
        `/api/v1/${kind}`,
      );
      const staff = await api.request<{ items: Array<{ slug: string }>; total: number }>(
        'GET',
        `/api/v1/${kind}`,
        {
          token: editorDrafts,
        },
      );
      expect(anon.body.total).toBeGreaterThan(0);
      expect(staff.body.total).toBeGreaterThanOrEqual(anon.body.total);
    }
    const sections = await api.request<{ total: number }>('GET', '/api/v1/sections');
    expect(sections.body.total).toBe((await ctx.repos.sections.list()).length);
    const person = await api.request<{ roles: Array<{ organization: { slug: string } | null }> }>(
      'GET',
      '/api/v1/people/roberta-cohen',
    );
    expect(person.body.roles[0]?.organization?.slug).toBe('hrnk');
  });

  it('answers If-None-Match with 304, and opens CORS for anonymous reads only', async () => {
    const first = await api.request('GET', '/api/v1/sections');
    const etag = first.headers.get('ETag');
    expect(etag).toBeTruthy();
    expect(first.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const again = await api.request('GET', '/api/v1/sections', {
      headers: { 'If-None-Match': etag! },
    });
    expect(again.status).toBe(304);
    const withToken = await api.request('GET', '/api/v1/sections', { token: editorDrafts });
    expect(withToken.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(withToken.headers.get('Cache-Control')).toContain('private');
    /** The origin another site's script may read as, after asking for `method` with `headers`. */
    const preflightOrigin = async (method: string, headers?: string) =>
      (
        await api.request('OPTIONS', '/api/v1/publications', {
          headers: {
            Origin: 'https://elsewhere.example',
            'Access-Control-Request-Method': method,
            ...(headers ? { 'Access-Control-Request-Headers': headers } : {}),
          },
        })
      ).headers.get('Access-Control-Allow-Origin');
    expect(await preflightOrigin('GET')).toBe('*');
    expect(await preflightOrigin('POST', 'authorization, content-type')).toBeNull();
    expect(await preflightOrigin('GET', 'authorization')).toBeNull();
  });

  it('answers unknown tokens, unknown paths and bad cursors with problems', async () => {
    const bad = await api.request('GET', '/api/v1/publications', { token: 'dsr_not-a-real-token' });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('WWW-Authenticate')).toContain('Bearer');
    const notBearer = await api.request('GET', '/api/v1/publications', {
      headers: { Authorization: 'Basic abc' },
    });
    expect(notBearer.status).toBe(401);
    const nowhere = await api.request('GET', '/api/v1/nothing-here');
    expect(nowhere.status).toBe(404);
    const readOnly = await api.request('POST', '/api/v1/sections', { json: {} });
    expect(readOnly.status).toBe(405);
    expect(readOnly.headers.get('Allow')).toBe('GET, HEAD');
    const cursor = await api.request('GET', '/api/v1/publications?cursor=garbage');
    expect(cursor.body).toMatchObject({ status: 400, type: '/api/v1/problems/bad-cursor' });
    const limit = await api.request('GET', '/api/v1/publications?limit=abc');
    expect(limit.body).toMatchObject({ status: 400, type: '/api/v1/problems/invalid-request' });
  });

  it('serves the OpenAPI 3.1 document and a reference page under the strict CSP', async () => {
    expect(api.doc).toMatchObject({ openapi: '3.1.0' });
    expect(Object.keys(api.doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/publications',
        '/api/v1/publications/{ref}',
        '/api/v1/search',
      ]),
    );
    const page = await createApp(ctx).request('http://localhost/api/v1/docs');
    expect(page.status).toBe(200);
    const csp = page.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await page.text();
    expect(html).toContain('GET /api/v1/publications');
    expect(html).not.toMatch(/<script|style=|https?:\/\/(?!archive\.example\.org)[a-z]/i);
    expect(api.checked).toBeGreaterThan(0);
  });
});
