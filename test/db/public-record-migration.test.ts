import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { changeStatus } from '../../src/features/publishing/workflow.ts';
import { migrateToLatest } from '../../src/infra/db/migrate.ts';
import { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication, buildSection, fixedClock, testContext } from '../support/factories.ts';
import { MIGRATIONS_AFTER_0091, undoMigrationsAfter0091 } from '../support/undo-migrations.ts';

/**
 * An archive from before the public record (migration 0092): the moment each piece first went
 * out is taken from its publish events in the audit trail, and a piece with none never went out.
 */
describeEachDatabase('recording when existing pieces went public (migration 0092)', (db) => {
  const clock = fixedClock('2026-03-01T00:00:00.000Z');
  let ctx: AppContext;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    ctx = await testContext(db(), clock);
    const section = await buildSection(ctx);
    const piece = (overrides: Record<string, unknown>) =>
      buildPublication(ctx, { sectionId: section.id, ...overrides });
    ids.published = (await piece({ publishedAt: '2016-07-25T00:00:00.000Z' })).id;
    const seen = await piece({ publishedAt: '2026-02-01T00:00:00.000Z' });
    ids.embargoed = (
      await piece({
        publishedAt: '2026-02-01T00:00:00.000Z',
        embargoUntil: '2026-04-01T00:00:00.000Z',
      })
    ).id;
    const draft = await piece({ status: 'draft', publishedAt: '2015-01-01T00:00:00.000Z' });
    ids.seenThenWithdrawn = seen.id;
    ids.draftWithdrawn = draft.id;
    clock.set('2026-03-10T00:00:00.000Z');
    await changeStatus(
      ctx,
      { id: seen.id, version: seen.version, to: 'withdrawn', withdrawnReason: 'Sources at risk' },
      SYSTEM_ACTOR,
    );
    const k = db().db.kysely;
    await undoMigrationsAfter0091(k);
    // What the code before 0092 allowed: a draft dated in the past, withdrawn; and an embargoed
    // piece withdrawn before its embargo ended.
    for (const id of [ids.draftWithdrawn, ids.embargoed]) {
      await sql`update publications set status = 'withdrawn',
          withdrawn_at = '2026-03-10T00:00:00.000Z', withdrawn_reason = 'x'
        where id = ${id}`.execute(k);
    }
    expect(await migrateToLatest(db().db)).toEqual([...MIGRATIONS_AFTER_0091]);
  }, 60_000);

  const recordOf = async (id: number) => {
    const p = (await ctx.repos.publications.findById(id))!;
    return { publicFrom: p.publicFrom, publicUntil: p.publicUntil };
  };

  it('dates a piece published on creation from that creation, not from its older printed date', async () => {
    expect(await recordOf(ids.published!)).toEqual({
      publicFrom: '2026-03-01T00:00:00.000Z',
      publicUntil: null,
    });
  });

  it('keeps the tombstone of a piece that was public before its withdrawal', async () => {
    expect(await recordOf(ids.seenThenWithdrawn!)).toEqual({
      publicFrom: '2026-03-01T00:00:00.000Z',
      publicUntil: '2026-03-10T00:00:00.000Z',
    });
  });

  it('counts as never public a withdrawn draft and a piece withdrawn under embargo', async () => {
    expect((await recordOf(ids.draftWithdrawn!)).publicFrom).toBeNull();
    expect((await recordOf(ids.embargoed!)).publicFrom).toBeNull();
    const app = createApp(ctx);
    const section = (await ctx.repos.sections.findById(
      (await ctx.repos.publications.findById(ids.draftWithdrawn!))!.sectionId,
    ))!;
    const status = async (id: number) => {
      const p = (await ctx.repos.publications.findById(id))!;
      return (await app.request(`http://localhost/${section.slug}/${p.slug}/`)).status;
    };
    expect(await status(ids.draftWithdrawn!)).toBe(404);
    expect(await status(ids.embargoed!)).toBe(404);
    expect(await status(ids.seenThenWithdrawn!)).toBe(410);
  });
});
