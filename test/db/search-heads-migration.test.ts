import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrateToLatest } from '../../src/infra/db/migrate.ts';
import { closeTestDatabase, openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { buildPublication, testContext } from '../support/factories.ts';
import { MIGRATIONS_AFTER_0091, undoMigrationsAfter0091 } from '../support/undo-migrations.ts';

const word = { kind: 'word', token: 'jongori', stem: null } as const;

describe.skipIf(inject('postgresUrl') === null)(
  'moving the search heads out of search_docs (migration 0090) [postgres]',
  () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await openTestDatabase('postgres');
    });
    afterAll(async () => {
      if (t) await closeTestDatabase(t);
    });

    it('keeps every head of an archive indexed before it, and leaves search_docs narrow', async () => {
      const ctx = await testContext(t);
      const piece = await buildPublication(ctx, { title: 'Kyo-hwa-so No. 12, Jongori' });
      const db = t.db.kysely;
      // The schema as 0060 left it: the head in search_docs' rows, 0090 not yet run.
      await sql`alter table search_docs add column head tsvector not null default ''`.execute(db);
      await sql`update search_docs d set head = h.head from search_heads h
        where h.publication_id = d.publication_id`.execute(db);
      await sql`drop table search_heads`.execute(db);
      await sql`create index search_docs_head on search_docs using gin (head)`.execute(db);
      // And as it stood before 0091, which comes after it.
      await sql`drop trigger section_listed_count on publications`.execute(db);
      await sql`drop function section_listed_count()`.execute(db);
      await sql`drop table section_listed_counts`.execute(db);
      await sql`drop index publications_embargoed`.execute(db);
      // And before the migrations after it.
      await undoMigrationsAfter0091(db);
      await sql`delete from dossier_migration
        where name in ('0090-search-heads', '0091-section-listed-counts')`.execute(db);

      expect(await migrateToLatest(t.db)).toEqual([
        '0090-search-heads',
        '0091-section-listed-counts',
        ...MIGRATIONS_AFTER_0091,
      ]);

      const { rows: columns } = await sql<{ name: string }>`select column_name as name
        from information_schema.columns
        where table_schema = current_schema() and table_name = 'search_docs'`.execute(db);
      expect(columns.map((c) => c.name).sort()).toEqual([
        'content_hash',
        'indexed_at',
        'publication_id',
        'tsv',
      ]);
      const now = new Date('2026-06-01T12:00:00.000Z');
      const head = await ctx.search.index.rank({ match: word, constraints: [], now }, 'head', 10);
      expect(head.map((h) => h.publicationId)).toEqual([piece.id]);
      expect(await ctx.search.index.fullTextRowCounts()).toMatchObject({ documents: 1, heads: 1 });
      // 0091 counted the piece already there.
      const counts = await ctx.repos.catalog.countsBySection(now);
      expect(counts.get(piece.sectionId)).toBe(1);
    });

    it('drops a head with its entry', async () => {
      const ctx = await testContext(t);
      const piece = await buildPublication(ctx, { title: 'Camp No. 25' });
      await ctx.search.index.deleteDocument(piece.id);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from search_heads
        where publication_id = ${piece.id}`.execute(t.db.kysely);
      expect(rows[0]!.n).toBe(0);
    });
  },
);
