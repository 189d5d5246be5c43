import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { ConflictError, ValidationError } from '../../src/core/errors.ts';
import { updatePublication } from '../../src/features/publishing/save-publication.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPerson, buildPublication, buildSection, testContext } from '../support/factories.ts';

describeEachDatabase('publications repository', (db) => {
  let ctx: AppContext;
  beforeAll(async () => {
    ctx = await testContext(db());
  });

  it('stores a publication with its contributors in order and their printed affiliations', async () => {
    const cohen = await buildPerson(ctx, 'Roberta Cohen');
    const oh = await buildPerson(ctx, 'Amanda Mortwedt Oh');
    const saved = await buildPublication(ctx, {
      contributions: [
        { personId: cohen.id, role: 'author', affiliationLabel: 'HRNK Co-Chair' },
        { personId: oh.id, role: 'author', credit: 'secondary' },
      ],
    });
    const found = await ctx.repos.publications.findById(saved.id);
    expect(found?.contributions).toEqual([
      {
        personId: cohen.id,
        role: 'author',
        credit: 'primary',
        affiliationLabel: 'HRNK Co-Chair',
        position: 0,
      },
      { personId: oh.id, role: 'author', credit: 'secondary', affiliationLabel: null, position: 1 },
    ]);
  });

  it('keeps times in UTC ISO form whatever offset they were given in', async () => {
    const saved = await buildPublication(ctx, { publishedAt: '2016-07-25T09:00:00+09:00' });
    expect(saved.publishedAt).toBe('2016-07-25T00:00:00.000Z');
  });

  it('renders the Markdown body with footnotes linked both ways at save time', async () => {
    const saved = await buildPublication(ctx, {
      body: 'A claim.[^1]\n\n[^1]: "N. Korea agrees to EU human rights talks," NKNews.org.',
    });
    expect(saved.bodyHtml).toContain('href="#fn1"');
    expect(saved.bodyHtml).toContain('href="#fnref1"');
  });

  it('never lets raw HTML or javascript: links from a body onto the page', async () => {
    const saved = await buildPublication(ctx, {
      body: '<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>',
    });
    expect(saved.bodyHtml).not.toMatch(/<script|<img|href="javascript/i);
  });

  it('shows an image from another site as a link, so that no page loads anything from elsewhere', async () => {
    const saved = await buildPublication(ctx, {
      body: '![satellite view](https://evil.example/track.png) ![map](/files/map.png)',
    });
    expect(saved.bodyHtml).not.toContain('src="https://evil.example');
    expect(saved.bodyHtml).toContain(
      '<a href="https://evil.example/track.png" rel="external noopener">satellite view</a>',
    );
    expect(saved.bodyHtml).toContain('<img src="/files/map.png" alt="map">');
  });

  it('refuses a second publication with the same slug in one section', async () => {
    const section = await buildSection(ctx);
    await buildPublication(ctx, { sectionId: section.id, slug: 'same' });
    await expect(buildPublication(ctx, { sectionId: section.id, slug: 'same' })).rejects.toThrow(
      ValidationError,
    );
  });

  it('allows the same slug in two different sections', async () => {
    const a = await buildPublication(ctx, { slug: 'shared-slug' });
    const b = await buildPublication(ctx, { slug: 'shared-slug' });
    expect(a.sectionId).not.toBe(b.sectionId);
  });

  it('refuses a stale save with the current version and keeps the first writer’s words', async () => {
    const saved = await buildPublication(ctx, { title: 'First' });
    const input = { sectionId: saved.sectionId, slug: saved.slug, type: 'article' as const };
    await updatePublication(ctx, saved.id, 1, { ...input, title: 'Editor A' }, SYSTEM_ACTOR);
    const stale = updatePublication(
      ctx,
      saved.id,
      1,
      { ...input, title: 'Editor B' },
      SYSTEM_ACTOR,
    );
    await expect(stale).rejects.toMatchObject({ name: 'ConflictError', currentVersion: 2 });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const after = await ctx.repos.publications.findById(saved.id);
    expect(after?.title).toBe('Editor A');
    expect(after?.version).toBe(2);
  });

  it('lets exactly one of two simultaneous saves of one version win', async () => {
    const saved = await buildPublication(ctx);
    const input = { sectionId: saved.sectionId, slug: saved.slug, type: 'article' as const };
    const results = await Promise.allSettled([
      updatePublication(ctx, saved.id, 1, { ...input, title: 'A' }, SYSTEM_ACTOR),
      updatePublication(ctx, saved.id, 1, { ...input, title: 'B' }, SYSTEM_ACTOR),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  });

  it('keeps a revision for every save', async () => {
    const saved = await buildPublication(ctx, { title: 'v1' });
    const input = { sectionId: saved.sectionId, slug: saved.slug, type: 'article' as const };
    await updatePublication(ctx, saved.id, 1, { ...input, title: 'v2' }, SYSTEM_ACTOR);
    const revisions = await ctx.repos.revisions.list(saved.id);
    expect(revisions.map((r) => r.version)).toEqual([2, 1]);
    expect(await ctx.repos.revisions.snapshot(saved.id, 1)).toMatchObject({ title: 'v1' });
  });

  it('rolls back every row of a save that fails half-way', async () => {
    const before = await ctx.repos.publications.count();
    const section = await buildSection(ctx);
    await expect(
      buildPublication(ctx, {
        sectionId: section.id,
        // A contributor that does not exist fails the foreign key after the publication row went in.
        contributions: [{ personId: 999_999 }],
      }),
    ).rejects.toThrow();
    expect(await ctx.repos.publications.count()).toBe(before);
  });

  it('records an audit event for each publication it creates', async () => {
    const saved = await buildPublication(ctx);
    const events = await ctx.repos.audit.list({ action: 'publication.create' });
    expect(events.some((e) => e.subjectId === String(saved.id))).toBe(true);
  });
});
