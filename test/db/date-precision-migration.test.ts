import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { migrateToLatest } from '../../src/infra/db/migrate.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication, testContext } from '../support/factories.ts';
import { MIGRATIONS_AFTER_0091, undoMigrationsAfter0092 } from '../support/undo-migrations.ts';

/**
 * An archive from before dates had a precision (migration 0102): every piece it holds was
 * entered as a day, and reads so after the migration; a new piece may be dated to a month.
 */
describeEachDatabase('the precision of existing dates (migration 0102)', (db) => {
  let ctx: AppContext;
  let existing: number;

  beforeAll(async () => {
    ctx = await testContext(db());
    existing = (await buildPublication(ctx, { publishedAt: '2016-07-25T00:00:00.000Z' })).id;
    await undoMigrationsAfter0092(db().db.kysely);
    expect(await migrateToLatest(db().db)).toEqual(MIGRATIONS_AFTER_0091.slice(1));
  }, 60_000);

  it('reads every date entered before it as a day', async () => {
    expect((await ctx.repos.publications.findById(existing))?.publishedPrecision).toBe('day');
  });

  it('stores a month or a year after it', async () => {
    for (const precision of ['month', 'year'] as const) {
      const p = await buildPublication(ctx, {
        publishedAt: '2020-10-01T00:00:00.000Z',
        publishedPrecision: precision,
      });
      expect((await ctx.repos.publications.findById(p.id))?.publishedPrecision).toBe(precision);
    }
  });
});
