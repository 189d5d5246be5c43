import { type Kysely, sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import type { Database } from '../../src/infra/db/database.ts';
import { preparedQuery } from '../../src/infra/db/prepared-query.ts';
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

const sectionDates = preparedQuery(['slug'], (db, v) =>
  db.selectFrom('sections').select(['titleKo', 'createdAt']).where('slug', '=', v.slug),
);

describeEachDatabase('a prepared query', (db, dialect) => {
  let ctx: WiredContext;
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
        listDisclaimer: null,
        listDisclaimerKo: null,
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

  it.runIf(dialect === 'postgres')(
    'is kept by PostgreSQL as a named statement, planned once per connection, unlike other queries',
    async () => {
      const named = () =>
        sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(c);
      let c!: Kysely<Database>;
      await ctx.db.kysely.connection().execute(async (connection) => {
        c = connection;
        await c.selectFrom('sections').select('slug').where('slug', '=', 'reports').execute();
        for (const slug of ['reports', 'articles', 'reports']) {
          expect(await sectionBySlug(c, { slug, title: 'x' })).toHaveLength(1);
        }
        const kept = (await named()).rows.map((r) => r.statement);
        // One statement, the prepared one: the plain select was sent unnamed.
        expect(kept).toEqual([expect.stringMatching(/^select "slug", "title" from "sections"/)]);
      });
    },
  );

  it('names its columns as every other query does, in camel case', async () => {
    expect(await sectionDates(ctx.db.kysely, { slug: 'reports' })).toEqual([
      { titleKo: null, createdAt: '2026-06-01T00:00:00.000Z' },
    ]);
  });

  it("runs inside a transaction on the transaction's own connection, seeing its writes", async () => {
    await ctx.db.kysely
      .transaction()
      .execute(async (trx) => {
        await trx
          .updateTable('sections')
          .set({ titleKo: '보고서' })
          .where('slug', '=', 'reports')
          .execute();
        expect(await sectionDates(trx, { slug: 'reports' })).toEqual([
          { titleKo: '보고서', createdAt: '2026-06-01T00:00:00.000Z' },
        ]);
        // Outside, on another of the pool's connections, the write is not there yet. (SQLite has
        // one connection, which the transaction holds until it ends.)
        if (dialect === 'postgres') {
          expect(await sectionDates(ctx.db.kysely, { slug: 'reports' })).toEqual([
            { titleKo: null, createdAt: '2026-06-01T00:00:00.000Z' },
          ]);
        }
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
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
