import { beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { isPubliclyVisible, PUBLICATION_STATUSES } from '../../src/core/publication-status.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication, buildSection, testContext } from '../support/factories.ts';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const PAST = '2020-01-01T00:00:00.000Z';
const FUTURE = '2030-01-01T00:00:00.000Z';

describeEachDatabase('the public-visibility rule', (db) => {
  let ctx: WiredContext;
  let sectionId: number;
  const made: Array<{ id: number; expected: boolean }> = [];

  beforeAll(async () => {
    ctx = await testContext(db());
    sectionId = (await buildSection(ctx)).id;
    // Every combination of status, date, embargo and trash.
    for (const status of PUBLICATION_STATUSES) {
      for (const publishedAt of [null, PAST, FUTURE]) {
        for (const embargoUntil of [null, PAST, FUTURE]) {
          if (status === 'published' && publishedAt === null) continue; // the service fills it in
          // The service withdraws only what it saw public: a withdrawn row is marked directly.
          const built = await buildPublication(ctx, {
            sectionId,
            status: status === 'withdrawn' ? 'draft' : status,
            publishedAt,
            embargoUntil,
            // A scheduled piece always has its moment; here it is its date, or later.
            scheduledAt: status === 'scheduled' ? (publishedAt ?? FUTURE) : null,
          });
          if (status === 'withdrawn') {
            await ctx.db.kysely
              .updateTable('publications')
              .set({ status })
              .where('id', '=', built.id)
              .execute();
          }
          const p = { ...built, status };
          made.push({
            id: p.id,
            expected: isPubliclyVisible({ ...p, deletedAt: null }, NOW),
          });
        }
      }
    }
  });

  it('gives the same answer in SQL as in the domain for every combination', async () => {
    const visible = await ctx.repos.catalog.list({ sectionId }, { limit: 1000, offset: 0 }, NOW);
    const ids = new Set(visible.items.map((p) => p.id));
    for (const { id, expected } of made) expect(ids.has(id), `publication ${id}`).toBe(expected);
    expect(visible.total).toBe(made.filter((m) => m.expected).length);
  });

  it('shows only published work whose date and embargo have passed', () => {
    expect(made.filter((m) => m.expected)).toHaveLength(2);
  });

  it('hides a published piece once it goes to the trash', async () => {
    const p = await buildPublication(ctx, { sectionId, status: 'published', publishedAt: PAST });
    await ctx.db.kysely
      .updateTable('publications')
      .set({ deletedAt: PAST })
      .where('id', '=', p.id)
      .execute();
    const visible = await ctx.repos.catalog.list({ sectionId }, { limit: 1000, offset: 0 }, NOW);
    expect(visible.items.map((x) => x.id)).not.toContain(p.id);
  });
});
