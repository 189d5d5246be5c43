import { beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import type { WiredContext } from '../../src/context.ts';
import type { Section } from '../../src/core/entities.ts';
import { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication, buildSection, fixedClock, testContext } from '../support/factories.ts';
import { ApiClient, tokenFor } from './api-client.ts';

type Pub = { id: number; version: number; status: string; slug: string; summary: string | null };

/**
 * One policy decides who may move a piece before readers or away: the save itself. A token with
 * `write` but not `publish` edits freely, but cannot lift, shorten or move an embargo, re-date a
 * public piece or change its status; and nobody withdraws a piece the public never saw.
 */
describeEachDatabase('who may change when readers see a piece, through the API', (db) => {
  const clock = fixedClock('2026-06-01T12:00:00.000Z');
  let ctx: WiredContext;
  let app: ReturnType<typeof createApp>;
  let api: ApiClient;
  let section: Section;
  let writer: string;
  let publisher: string;

  beforeAll(async () => {
    ctx = await testContext(db(), clock);
    app = createApp(ctx);
    api = await ApiClient.open(app);
    section = await buildSection(ctx);
    writer = (await tokenFor(ctx, 'editor', ['read-drafts', 'write'])).token;
    publisher = (await tokenFor(ctx, 'editor', ['read-drafts', 'write', 'publish'])).token;
  }, 60_000);

  const publicStatus = async (slug: string) =>
    (await app.request(`http://localhost/${section.slug}/${slug}/`)).status;

  const bodyOf = (p: Awaited<ReturnType<typeof buildPublication>>, changes: object) => ({
    sectionId: p.sectionId,
    slug: p.slug,
    type: p.type,
    title: p.title,
    summary: p.summary,
    status: p.status,
    publishedAt: p.publishedAt,
    embargoUntil: p.embargoUntil,
    version: p.version,
    ...changes,
  });

  /** Saves `p` through the API with `token`, changing only `changes`. */
  const save = (token: string, p: Awaited<ReturnType<typeof buildPublication>>, changes: object) =>
    api.request('PUT', `/api/v1/publications/${p.id}`, { token, json: bodyOf(p, changes) });

  const embargoed = () =>
    buildPublication(ctx, {
      sectionId: section.id,
      publishedAt: '2026-05-01T00:00:00.000Z',
      embargoUntil: '2026-07-01T00:00:00.000Z',
      summary: 'Embargoed summary',
    });

  describe('a write-only token on an embargoed piece', () => {
    for (const [what, changes] of [
      ['lifting the embargo', { embargoUntil: null }],
      ['moving the embargo earlier', { embargoUntil: '2026-06-01T00:00:00.000Z' }],
      ['re-dating the piece', { publishedAt: '2026-05-02T00:00:00.000Z' }],
      ['making it a draft', { status: 'draft' }],
    ] as const) {
      it(`is refused ${what}, and the piece stays hidden`, async () => {
        const piece = await embargoed();
        const res = await save(writer, piece, changes);
        expect(res.status).toBe(403);
        expect(JSON.stringify(res.body)).toMatch(/right to publish/);
        const after = (await ctx.repos.publications.findById(piece.id))!;
        expect(after.version).toBe(piece.version);
        expect(after.embargoUntil).toBe(piece.embargoUntil);
        expect(await publicStatus(piece.slug)).toBe(404);
      });
    }

    it('may still correct its text', async () => {
      const piece = await embargoed();
      const res = await save(writer, piece, { title: 'A corrected title' });
      expect(res.status).toBe(200);
      expect(await publicStatus(piece.slug)).toBe(404);
    });

    it('is lifted by a token that may publish', async () => {
      const piece = await embargoed();
      const res = await save(publisher, piece, { embargoUntil: null });
      expect(res.status).toBe(200);
      expect(await publicStatus(piece.slug)).toBe(200);
    });
  });

  it('lets a write-only token plan a draft’s date', async () => {
    const draft = await buildPublication(ctx, { sectionId: section.id, status: 'draft' });
    const res = await save(writer, draft, { publishedAt: '2026-09-01T00:00:00.000Z' });
    expect(res.status).toBe(200);
  });

  it('publishes a piece scheduled through the API when its moment comes, by the same job as the back office', async () => {
    const draft = await buildPublication(ctx, { sectionId: section.id, status: 'draft' });
    const res = await save(publisher, draft, {
      status: 'scheduled',
      scheduledAt: '2026-06-01T13:00:00.000Z',
      publishedAt: '2026-06-01T13:00:00.000Z',
    });
    expect(res.status).toBe(200);
    await createJobRunner(ctx).drain();
    expect(await publicStatus(draft.slug)).toBe(404);
    clock.set('2026-06-01T13:00:01.000Z');
    await createJobRunner(ctx).drain();
    expect(await publicStatus(draft.slug)).toBe(200);
    clock.set('2026-06-01T12:00:00.000Z');
  });

  it('refuses a scheduled status without the moment it goes out', async () => {
    const draft = await buildPublication(ctx, { sectionId: section.id, status: 'draft' });
    const res = await save(publisher, draft, { status: 'scheduled' });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('moment it goes out');
  });

  describe('withdrawal', () => {
    /** Withdraws a piece through the API with the token that may publish. */
    const withdraw = (p: Awaited<ReturnType<typeof buildPublication>>, reason: string) =>
      api.request('POST', `/api/v1/publications/${p.id}/withdraw`, {
        token: publisher,
        json: { version: p.version, reason },
      });

    it('is refused for a draft dated in the past, which the public never saw, pointing to the trash', async () => {
      const draft = await buildPublication(ctx, {
        sectionId: section.id,
        status: 'draft',
        publishedAt: '2015-01-01T00:00:00.000Z',
        summary: 'Never-public summary',
      });
      const res = await withdraw(draft, 'Not wanted');
      expect(res.status).toBe(422);
      expect(JSON.stringify(res.body)).toMatch(/never public.*trash/);
      const put = await save(publisher, draft, {
        status: 'withdrawn',
        withdrawnReason: 'Not wanted',
      });
      expect(put.status).toBe(422);
      expect((await ctx.repos.publications.findById(draft.id))!.status).toBe('draft');
      expect(await publicStatus(draft.slug)).toBe(404);
      expect((await api.request('GET', `/api/v1/publications/${draft.id}`)).status).toBe(404);
    });

    it('leaves a public piece a tombstone whose API listing names it without its summary', async () => {
      const piece = await buildPublication(ctx, {
        sectionId: section.id,
        publishedAt: '2026-05-01T00:00:00.000Z',
        summary: 'A summary only readers of the live piece saw',
      });
      const res = await withdraw(piece, 'A source asked us to');
      expect(res.status).toBe(200);
      expect(await publicStatus(piece.slug)).toBe(410);
      const list = await api.request<{ items: Pub[] }>(
        'GET',
        `/api/v1/publications?section=${section.slug}&include_withdrawn=true&limit=100`,
      );
      const listed = list.body.items.find((p) => p.id === piece.id);
      expect(listed).toMatchObject({ status: 'withdrawn', summary: null });
      expect(JSON.stringify(list.body)).not.toContain('only readers of the live piece');
    });

    it('leaves a tombstone for a piece that went out by its date passing, with no save between', async () => {
      const piece = await buildPublication(ctx, {
        sectionId: section.id,
        publishedAt: '2026-06-01T13:00:00.000Z',
      });
      expect(await publicStatus(piece.slug)).toBe(404);
      clock.set('2026-06-01T14:00:00.000Z');
      expect(await publicStatus(piece.slug)).toBe(200);
      const res = await withdraw(piece, 'Corrected elsewhere');
      expect(res.status).toBe(200);
      expect(await publicStatus(piece.slug)).toBe(410);
      expect((await ctx.repos.publications.findById(piece.id))!.publicFrom).toBe(
        '2026-06-01T13:00:00.000Z',
      );
      clock.set('2026-06-01T12:00:00.000Z');
    });
  });
});
