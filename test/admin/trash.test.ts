import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import type { Section } from '../../src/core/entities.ts';
import { moveToTrash } from '../../src/features/publishing/trash.ts';
import type { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import type { Browserish } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication, buildSection } from '../support/factories.ts';
import { backOfficeAs } from './back-office-support.ts';

describeEachDatabase('the trash in the back office', (db) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;
  let admin: Browserish;
  let editor: Browserish;
  let section: Section;

  const publicStatus = async (slug: string) =>
    (await app.request(`http://localhost/${section.slug}/${slug}/`)).status;

  beforeAll(async () => {
    ({ ctx, app, admin, editor } = await backOfficeAs(db(), 'admin', 'editor'));
    section = await buildSection(ctx);
  }, 60_000);

  it('lists deleted work with the day it will be purged', async () => {
    const piece = await buildPublication(ctx, {
      sectionId: section.id,
      title: 'Hidden Gulag, second edition',
    });
    await moveToTrash(ctx, piece.id, SYSTEM_ACTOR);
    const page = await (await admin.request('/admin/trash')).text();
    expect(page).toContain('Hidden Gulag, second edition');
    // Deleted on 2026-06-01 (the test clock): purged thirty days later.
    expect(page).toContain('<time datetime="2026-07-01T12:');
    expect(page).toContain(`/admin/trash/${piece.id}/purge`);
  });

  it('brings a page back on the public site when restored', async () => {
    const piece = await buildPublication(ctx, { sectionId: section.id });
    expect(await publicStatus(piece.slug)).toBe(200);
    await moveToTrash(ctx, piece.id, SYSTEM_ACTOR);
    expect(await publicStatus(piece.slug)).toBe(404);
    const res = await admin.submit('/admin/trash', `/admin/trash/${piece.id}/restore`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/trash?done=restored');
    expect(await publicStatus(piece.slug)).toBe(200);
    expect((await ctx.repos.audit.list({ action: 'publication.restore' }))[0]?.subjectId).toBe(
      String(piece.id),
    );
    // Restoring what is not in the trash is a plain 404.
    expect(
      (await admin.submit('/admin/trash', `/admin/trash/${piece.id}/restore`, {})).status,
    ).toBe(404);
  });

  it('lets only an admin purge, and only what is in the trash', async () => {
    const piece = await buildPublication(ctx, { sectionId: section.id });
    const live = await admin.submit('/admin/trash', `/admin/trash/${piece.id}/purge`, {});
    expect(live.status).toBe(422);
    expect(await ctx.repos.publications.findById(piece.id)).toMatchObject({ id: piece.id });

    await moveToTrash(ctx, piece.id, SYSTEM_ACTOR);
    expect((await editor.request('/admin/trash')).status).toBe(403);
    expect((await editor.submit('/admin', `/admin/trash/${piece.id}/purge`, {})).status).toBe(403);
    expect(await ctx.repos.publications.findById(piece.id)).toMatchObject({ id: piece.id });

    const res = await admin.submit('/admin/trash', `/admin/trash/${piece.id}/purge`, {});
    expect(res.status).toBe(303);
    expect(await ctx.repos.publications.findById(piece.id)).toBeUndefined();
    expect(await (await admin.request('/admin/trash?done=purged')).text()).toContain(
      'Purged for good.',
    );
    expect((await ctx.repos.audit.list({ action: 'publication.purge' }))[0]?.subjectId).toBe(
      String(piece.id),
    );
  });
});
