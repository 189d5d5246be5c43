import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/context.ts';
import { preparedQuery } from '../../src/db/prepared-query.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { testContext } from '../support/factories.ts';

const sectionBySlug = preparedQuery(['slug', 'title'], (db, v) =>
  db
    .selectFrom('sections')
    .select(['slug', 'title'])
    .where('slug', '=', v.slug)
    .where('title', '<>', v.title)
    .where('position', '>=', 0),
);

describeEachDatabase('a prepared query', (db) => {
  let ctx: AppContext;
  beforeAll(async () => {
    ctx = await testContext(db());
    for (const [i, slug] of ['reports', 'articles'].entries()) {
      await ctx.repos.sections.insert({
        slug,
        title: slug.toUpperCase(),
        titleKo: null,
        description: null,
        descriptionKo: null,
        disclaimer: null,
        disclaimerKo: null,
        position: i,
        createdAt: '2026-06-01T00:00:00.000Z',
        updatedAt: '2026-06-01T00:00:00.000Z',
      });
    }
  });

  it('runs with each call its own values, in their places, around the values built in', async () => {
    const k = ctx.db.kysely;
    expect(await sectionBySlug(k, { slug: 'reports', title: 'x' })).toEqual([
      { slug: 'reports', title: 'REPORTS' },
    ]);
    expect(await sectionBySlug(k, { slug: 'articles', title: 'x' })).toEqual([
      { slug: 'articles', title: 'ARTICLES' },
    ]);
    expect(await sectionBySlug(k, { slug: 'articles', title: 'ARTICLES' })).toEqual([]);
  });

  it('refuses a value the query does not take as a parameter', async () => {
    const broken = preparedQuery(['slug', 'unused'], (k, v) =>
      k.selectFrom('sections').select('slug').where('slug', '=', v.slug),
    );
    await expect(broken(ctx.db.kysely, { slug: 'reports', unused: 'x' })).rejects.toThrow(
      'unused is not a parameter',
    );
  });
});
