import { afterAll, beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import type { PublicationRecord } from '../../src/core/entities.ts';
import { searchArchive } from '../../src/features/search/search-archive.ts';
import { connect, type Db } from '../../src/infra/db/connect.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildPerson,
  buildPublication,
  buildSection,
  fixedClock,
  testContext,
} from '../support/factories.ts';
import { edit } from './helpers.ts';

const NOW = '2026-06-01T12:00:00.000Z';
const PAST = '2020-01-01T00:00:00.000Z';

/**
 * Facet counts are kept in memory by each server process (src/search/facet-columns.ts). Here a
 * second context on its own connection stands for a second process: whatever the first one
 * writes, and whatever is written in SQL by hand, its next search counts.
 */
describeEachDatabase('facet counts across processes', (db, dialect) => {
  let writer: WiredContext;
  let reader: WiredContext;
  let readerDb: Db;
  let sectionId: number;
  let first: PublicationRecord;
  const search = (q = 'walrus', at = NOW) => searchArchive(reader, { q, now: new Date(at) });
  const facets = async () => (await search()).facets!;
  // With facets, the total is theirs: counted in memory.
  const total = async (q = 'walrus', at = NOW) => (await search(q, at)).total;

  beforeAll(async () => {
    writer = await testContext(db(), fixedClock(NOW));
    readerDb = connect(db().config, db().schema ? { schema: db().schema! } : {});
    reader = await testContext({ ...db(), db: readerDb }, fixedClock(NOW));
    sectionId = (await buildSection(writer)).id;
    first = await buildPublication(writer, {
      sectionId,
      publishedAt: PAST,
      title: 'Walrus census',
    });
    expect(await total()).toBe(1); // the reader has loaded its columns
  }, 60_000);

  afterAll(async () => {
    await readerDb.close();
  });

  it('counts a piece the other process published, under its author', async () => {
    const author = await buildPerson(writer, 'Ingrid Walrusson');
    const p = await buildPublication(writer, {
      sectionId,
      publishedAt: PAST,
      title: 'Walrus migrations',
      contributions: [{ personId: author.id, role: 'author', credit: 'primary' }],
    });
    const f = await facets();
    expect(f.type.reduce((n, t) => n + t.count, 0)).toBe(2);
    expect(f.person.find((x) => x.label === author.name)?.count).toBe(1);
    await edit(writer, p, { status: 'withdrawn', withdrawnReason: 'error' });
    expect(await total()).toBe(1);
  });

  it('follows a change made in SQL by hand: the trash, another section, another language', async () => {
    const other = await buildSection(writer);
    const set = (values: Record<string, unknown>) =>
      writer.db.kysely.updateTable('publications').set(values).where('id', '=', first.id).execute();
    await set({ sectionId: other.id, language: 'ko' });
    const f = await facets();
    expect(f.section.map((s) => [s.label, s.count])).toEqual([[other.title, 1]]);
    expect(f.language.map((l) => l.value)).toEqual(['ko']);
    await set({ deletedAt: NOW });
    expect(await total()).toBe(0);
    await set({ deletedAt: null, sectionId, language: 'en' });
    expect(await total()).toBe(1);
  });

  it('counts an embargoed piece once its embargo has passed, with no write', async () => {
    await buildPublication(writer, {
      sectionId,
      publishedAt: PAST,
      embargoUntil: '2026-07-01T00:00:00.000Z',
      title: 'Walrus embargoed study',
    });
    expect(await total()).toBe(1);
    expect(await total('walrus', '2026-07-02T00:00:00.000Z')).toBe(2);
  });

  it('keeps every count right while one piece gains and loses a hundred links', async () => {
    // Each growth moves the piece's links to the end of the shared pool, so the pool is
    // compacted along the way (facet-columns.ts, LinkPool).
    const ids = Array.from({ length: 100 }, (_, i) => 900_000 + i);
    const personCounts = async () => {
      const counts = await reader.search.index.facets({
        match: null,
        constraints: [],
        now: new Date(NOW),
      });
      return ids.map((id) => counts.person.get(id) ?? 0);
    };
    for (const [i, id] of ids.entries()) {
      await writer.db.kysely
        .insertInto('searchDocFacets')
        .values({ publicationId: first.id, facet: 'person', valueId: id })
        .execute();
      const counts = await personCounts();
      expect(counts.filter((n) => n === 1)).toHaveLength(i + 1);
    }
    await writer.db.kysely
      .deleteFrom('searchDocFacets')
      .where('publicationId', '=', first.id)
      .where('valueId', '>=', 900_000)
      .execute();
    expect((await personCounts()).every((n) => n === 0)).toBe(true);
  });

  it.runIf(dialect === 'postgres')(
    'sees a transaction that commits after a later one was already read',
    async () => {
      const late = await buildPublication(writer, {
        sectionId,
        publishedAt: PAST,
        title: 'Walrus late commit',
      });
      const before = await total();
      // The slow transaction takes its log number first and commits last.
      let release!: () => void;
      const held = new Promise<void>((r) => {
        release = r;
      });
      let wrote!: () => void;
      const written = new Promise<void>((r) => {
        wrote = r;
      });
      const slow = writer.db.kysely.transaction().execute(async (trx) => {
        await trx
          .updateTable('publications')
          .set({ deletedAt: NOW })
          .where('id', '=', late.id)
          .execute();
        wrote();
        await held;
      });
      await written;
      await writer.db.kysely
        .updateTable('publications')
        .set({ language: 'en' })
        .where('id', '=', first.id)
        .execute();
      expect(await total()).toBe(before); // the slow one has not committed: still counted
      release();
      await slow;
      expect(await total()).toBe(before - 1);
    },
  );
});
