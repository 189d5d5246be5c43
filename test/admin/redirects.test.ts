import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import type { Section } from '../../src/core/entities.ts';
import type { createApp } from '../../src/web/app.tsx';
import type { Browserish } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication, buildSection, editPublication, unique } from '../support/factories.ts';
import { backOfficeAs, fieldValue, sentBack } from './back-office-support.ts';

describeEachDatabase('redirects in the back office', (db) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;
  let editor: Browserish;
  let contributor: Browserish;
  let section: Section;

  const add = (fromPath: string, toPath: string, statusCode = '301') =>
    editor.submit('/admin/redirects', '/admin/redirects', { fromPath, toPath, statusCode });

  /** Adds a redirect the form must refuse, and checks both addresses come back as typed. */
  const refused = async (fromPath: string, toPath: string) => {
    const page = await sentBack(add(fromPath, toPath));
    expect(fieldValue(page, 'fromPath')).toBe(fromPath);
    expect(fieldValue(page, 'toPath')).toBe(toPath);
    return page;
  };

  beforeAll(async () => {
    ({ ctx, app, editor, contributor } = await backOfficeAs(db(), 'editor', 'contributor'));
    section = await buildSection(ctx);
  }, 60_000);

  it('adds a redirect that the public site then follows, and deletes it', async () => {
    const piece = await buildPublication(ctx, { sectionId: section.id });
    const from = `/old/${unique('page')}.html`;
    const res = await add(from, `/${section.slug}/${piece.slug}/`);
    expect(res.status).toBe(303);
    const followed = await app.request(`http://localhost${from}`);
    expect(followed.status).toBe(301);
    expect(followed.headers.get('location')).toBe(`/${section.slug}/${piece.slug}/`);
    const list = await (await editor.request('/admin/redirects?done=added')).text();
    expect(list).toContain(from);
    const saved = (await ctx.repos.redirects.find(from))!;
    const [event] = await ctx.repos.audit.list({ action: 'redirect.create' });
    expect(event).toMatchObject({ subjectId: String(saved.id), detail: { from } });

    expect(
      (await editor.submit('/admin/redirects', `/admin/redirects/${saved.id}/delete`, {})).status,
    ).toBe(303);
    expect(await ctx.repos.redirects.find(from)).toBeUndefined();
    expect((await app.request(`http://localhost${from}`)).status).toBe(404);
    expect((await ctx.repos.audit.list({ action: 'redirect.delete' }))[0]?.subjectId).toBe(
      String(saved.id),
    );
  });

  it('follows a redirect to a piece only while the public may see it, naming no draft', async () => {
    const piece = await buildPublication(ctx, { sectionId: section.id });
    const from = `/old/${unique('moved')}.html`;
    expect((await add(from, `/${section.slug}/${piece.slug}/`)).status).toBe(303);
    expect((await app.request(`http://localhost${from}`)).status).toBe(301);
    // Back to draft: the old address answers as if it had never been, its Location gone.
    await editPublication(ctx, piece.id, { status: 'draft' });
    const hidden = await app.request(`http://localhost${from}`);
    expect(hidden.status).toBe(404);
    expect(hidden.headers.get('location')).toBeNull();
    expect(await hidden.text()).not.toContain(piece.slug);
    await editPublication(ctx, piece.id, { status: 'published' });
    expect((await app.request(`http://localhost${from}`)).status).toBe(301);
  });

  it('refuses a redirect to itself', async () => {
    const res = await add('/loop-self/', '/loop-self/');
    expect(await sentBack(res)).toContain('This would make a loop');
    expect(await ctx.repos.redirects.find('/loop-self/')).toBeUndefined();
  });

  it('refuses a → b when b → a exists, and a chain that comes back', async () => {
    expect((await add('/loop-b/', '/loop-a/')).status).toBe(303);
    expect(await refused('/loop-a/', '/loop-b/')).toContain('/loop-a/ → /loop-b/ → /loop-a/');

    expect((await add('/chain-2/', '/chain-3/')).status).toBe(303);
    expect((await add('/chain-3/', '/chain-1/')).status).toBe(303);
    expect((await add('/chain-1/', '/chain-2/')).status).toBe(422);
    expect(await ctx.repos.redirects.find('/chain-1/')).toBeUndefined();
  });

  it('refuses an old address where a published page lives, in either language', async () => {
    const piece = await buildPublication(ctx, { sectionId: section.id });
    for (const from of [`/${section.slug}/${piece.slug}/`, `/ko/${section.slug}/${piece.slug}/`]) {
      const res = await add(from, '/elsewhere/');
      expect(res.status, from).toBe(422);
      expect(await res.text()).toContain('A published page lives at this address');
    }
    // A draft has no public address yet: redirecting from its future URL is allowed.
    const draft = await buildPublication(ctx, {
      sectionId: section.id,
      status: 'draft',
      publishedAt: null,
    });
    expect((await add(`/${section.slug}/${draft.slug}/`, '/elsewhere/')).status).toBe(303);
  });

  it('wants both ends to be paths on this site, keeping what was typed', async () => {
    expect(await refused('old-page.html', 'https://evil.example/')).toContain(
      'A path starts with /',
    );
    expect((await add('/x/', '//evil.example/')).status).toBe(422);
    expect((await add('/y/', '/z/', '307')).status).toBe(422);
  });

  it('keeps contributors away from redirects', async () => {
    expect((await contributor.request('/admin/redirects')).status).toBe(403);
    const res = await contributor.submit('/admin', '/admin/redirects', {
      fromPath: '/c/',
      toPath: '/d/',
      statusCode: '301',
    });
    expect(res.status).toBe(403);
    expect(await ctx.repos.redirects.find('/c/')).toBeUndefined();
  });
});
