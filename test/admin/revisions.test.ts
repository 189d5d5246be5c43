import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import type { PublicationRecord } from '../../src/core/entities.ts';
import { updatePublication } from '../../src/features/publishing/save-publication.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import type { Browserish } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPerson, buildPublication } from '../support/factories.ts';
import { backOfficeAs } from './back-office-support.ts';

describeEachDatabase('revisions in the back office', (db) => {
  let ctx: AppContext;
  let editor: Browserish;
  let contributor: Browserish;
  let contributorId: number;

  const edit = (p: PublicationRecord, changes: { title?: string; body?: string }) =>
    updatePublication(ctx, p.id, p.version, { ...p, ...changes }, SYSTEM_ACTOR);

  /** A piece saved three times: the title changes once, the body in its middle once. */
  const threeVersions = async (): Promise<PublicationRecord> => {
    const author = await buildPerson(ctx, 'Robert Collins');
    let p = await buildPublication(ctx, {
      title: 'Marked for Life',
      body: 'First paragraph.\n\nSecond paragraph, as first written.\n\nThird paragraph.',
      contributions: [{ personId: author.id, role: 'author', credit: 'primary' }],
    });
    p = await edit(p, { title: 'Marked for Life: Songbun' });
    return edit(p, {
      body: 'First paragraph.\n\nSecond paragraph, corrected.\n\nThird paragraph.',
    });
  };

  beforeAll(async () => {
    const office = await backOfficeAs(db(), 'editor', 'contributor');
    ({ ctx, editor, contributor } = office);
    contributorId = office.accounts.contributor.userId;
  }, 60_000);

  it('lists every version with who saved it and a restore button for the older ones', async () => {
    const p = await threeVersions();
    const res = await editor.request(`/admin/publications/${p.id}/revisions`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('now at version 3');
    expect(page).toContain(`/admin/publications/${p.id}/revisions/1/restore`);
    expect(page).toContain(`/admin/publications/${p.id}/revisions/2/restore`);
    expect(page).not.toContain(`/admin/publications/${p.id}/revisions/3/restore`);
    expect(page).toContain('system');
  });

  it('compares two versions field by field and the body line by line', async () => {
    const p = await threeVersions();
    const diff = (query: string) =>
      editor.request(`/admin/publications/${p.id}/revisions/diff${query}`);
    const titles = await (await diff('?a=1&b=2')).text();
    expect(titles).toContain('<del>Marked for Life</del>');
    expect(titles).toContain('<ins>Marked for Life: Songbun</ins>');
    expect(titles).toContain('The body is the same in both versions.');
    const body = await (await diff('?a=2&b=3')).text();
    expect(body).toContain('<del>Second paragraph, as first written.</del>');
    expect(body).toContain('<ins>Second paragraph, corrected.</ins>');
    expect(body).toContain('No field other than the body differs.');
    // Without a choice, the newest version is compared with the one before.
    expect(await (await diff('')).text()).toContain('version 2 and version 3');
    expect((await diff('?a=1&b=9')).status).toBe(404);
  });

  it('restores an old version as a new version, keeping the history whole', async () => {
    const p = await threeVersions();
    const res = await editor.submit(
      `/admin/publications/${p.id}/revisions`,
      `/admin/publications/${p.id}/revisions/1/restore`,
      { version: '3' },
    );
    expect(res.status).toBe(303);
    const now = (await ctx.repos.publications.findById(p.id))!;
    expect(now.version).toBe(4);
    expect(now.title).toBe('Marked for Life');
    expect(now.body).toContain('as first written');
    expect(now.status).toBe('published');
    expect((await ctx.repos.revisions.list(p.id)).map((r) => r.version)).toEqual([4, 3, 2, 1]);
    expect(await ctx.repos.revisions.snapshot(p.id, 3)).toMatchObject({
      title: 'Marked for Life: Songbun',
    });
    const [event] = await ctx.repos.audit.list({ action: 'publication.revision.restore' });
    expect(event).toMatchObject({
      subjectId: String(p.id),
      detail: { restored: 1, newVersion: 4 },
    });
    const page = await (await editor.request(res.headers.get('location')!)).text();
    expect(page).toContain('Version 1 was restored as version 4.');
  });

  it('refuses a restore made from a stale page with 409, changing nothing', async () => {
    const p = await threeVersions();
    const b = editor;
    const res = await b.submit(
      `/admin/publications/${p.id}/revisions`,
      `/admin/publications/${p.id}/revisions/1/restore`,
      { version: '2' },
    );
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('it is now at version 3');
    const now = (await ctx.repos.publications.findById(p.id))!;
    expect(now.version).toBe(3);
    expect(now.title).toBe('Marked for Life: Songbun');
    expect((await ctx.repos.revisions.list(p.id)).length).toBe(3);
  });

  it('lets a contributor see the history of their own draft, and nobody else’s', async () => {
    const theirs = await buildPublication(ctx, { status: 'draft', publishedAt: null });
    expect((await contributor.request(`/admin/publications/${theirs.id}/revisions`)).status).toBe(
      403,
    );
    const res = await contributor.submit(
      `/admin/publications/new`,
      `/admin/publications/${theirs.id}/revisions/1/restore`,
      { version: '1' },
    );
    expect(res.status).toBe(403);

    const sections = await ctx.repos.sections.list();
    const own = await contributor.submit('/admin/publications/new', '/admin/publications', {
      sectionId: String(sections[0]!.id),
      type: 'article',
      title: 'My draft',
      slug: 'my-draft-revisions',
      language: 'en',
      body: 'One.',
    });
    expect(own.status).toBe(303);
    const id = Number(/\/admin\/publications\/(\d+)/.exec(own.headers.get('location')!)![1]);
    expect((await ctx.repos.publications.findById(id))!.createdByUserId).toBe(contributorId);
    expect((await contributor.request(`/admin/publications/${id}/revisions`)).status).toBe(200);
  });
});
