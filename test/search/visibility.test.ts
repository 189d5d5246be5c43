import { beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import type { PublicationRecord } from '../../src/core/entities.ts';
import { searchArchive } from '../../src/features/search/search-archive.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPerson, buildPublication, buildTopic, fixedClock } from '../support/factories.ts';
import { archiveWithSection, EMBARGO_ENDS, edit, NOW, PAST, SCHEDULED_FOR } from './helpers.ts';

const LATER = '2026-09-01T00:00:00.000Z';

/**
 * Only what the public-visibility rule lets through may be found, counted, faceted, quoted or
 * suggested — and that changes as time passes without any write.
 */
describeEachDatabase('search sees only public work', (db) => {
  let ctx: WiredContext;
  const clock = fixedClock(NOW);
  let sectionId: number;
  let pub: PublicationRecord;
  let draft: PublicationRecord;
  let embargoed: PublicationRecord;
  let scheduled: PublicationRecord;
  let withdrawn: PublicationRecord;
  let secretPersonName: string;
  const search = (q: string, at = NOW) =>
    searchArchive(ctx, { q, now: new Date(at), pageSize: 50 });
  const ids = async (q: string, at = NOW) => (await search(q, at)).hits.map((h) => h.publicationId);

  beforeAll(async () => {
    ({ ctx, sectionId } = await archiveWithSection(db(), clock));
    const secretPerson = await buildPerson(ctx, 'Ottoline Quarrender');
    secretPersonName = secretPerson.name;
    const secretTopic = await buildTopic(ctx, 'Cryptozoology');
    const base = { sectionId, publishedAt: PAST };
    pub = await buildPublication(ctx, {
      ...base,
      title: 'Quokkafish survey, public edition',
      summary: 'The quokkafish counts everyone can read.',
    });
    draft = await buildPublication(ctx, {
      ...base,
      status: 'draft',
      publishedAt: null,
      title: 'Quokkafish draft with zanzibarite notes',
      topicIds: [secretTopic.id],
    });
    embargoed = await buildPublication(ctx, {
      ...base,
      embargoUntil: EMBARGO_ENDS,
      title: 'Quokkafish embargoed findings',
      summary: 'Only the embargoed piece mentions the xylophonist.',
      contributions: [{ personId: secretPerson.id, role: 'author', credit: 'primary' }],
    });
    scheduled = await buildPublication(ctx, {
      ...base,
      publishedAt: SCHEDULED_FOR,
      title: 'Quokkafish scheduled release',
      summary: 'Only the scheduled piece mentions the marimbaist.',
    });
    withdrawn = await buildPublication(ctx, { ...base, title: 'Quokkafish withdrawn note' });
    withdrawn = await edit(ctx, withdrawn, { status: 'withdrawn', withdrawnReason: 'error' });
  }, 60_000);

  it('finds only the published, non-embargoed, non-withdrawn piece', async () => {
    const r = await search('quokkafish');
    expect(r.hits.map((h) => h.publicationId)).toEqual([pub.id]);
    expect(r.total).toBe(1);
  });

  it('reveals nothing of hidden work in facet counts', async () => {
    const r = await search('quokkafish');
    expect(r.facets?.person.map((p) => p.label)).not.toContain(secretPersonName);
    expect(r.facets?.topic.map((t) => t.label)).not.toContain('Cryptozoology');
    expect(r.facets?.type.reduce((n, t) => n + t.count, 0)).toBe(1);
    expect(r.facets?.year.map((y) => y.value)).toEqual(['2020']);
  });

  it('finds nothing by words only hidden work contains, and suggests none of them', async () => {
    for (const q of ['zanzibarite', 'xylophonist', 'marimbaist', 'withdrawn note']) {
      const r = await search(q);
      expect(r.total, q).toBe(0);
      expect(r.hits, q).toEqual([]);
    }
    expect((await search('xylophonast')).suggestion).toBeNull();
    expect((await search('zanzibarita')).suggestion).toBeNull();
    expect((await search(`author:"${secretPersonName}"`)).total).toBe(0);
  });

  it('finds embargoed work once the embargo lifts, with no reindexing', async () => {
    expect(await ids('xylophonist', '2026-06-30T23:59:59.999Z')).toEqual([]);
    expect(await ids('xylophonist', EMBARGO_ENDS)).toEqual([embargoed.id]);
    const r = await search('xylophonast', EMBARGO_ENDS);
    expect(r.suggestion).toEqual({ q: 'xylophonist', total: 1 });
    const facets = (await search('quokkafish', EMBARGO_ENDS)).facets;
    expect(facets?.person.map((p) => p.label)).toContain(secretPersonName);
  });

  it('finds scheduled work once its date is reached', async () => {
    expect(await ids('marimbaist', EMBARGO_ENDS)).toEqual([]);
    expect(await ids('marimbaist', SCHEDULED_FOR)).toEqual([scheduled.id]);
    expect((await search('quokkafish', LATER)).total).toBe(3);
  });

  it('drops work the moment it is withdrawn', async () => {
    const before = await ids('quokkafish');
    expect(before).toContain(pub.id);
    pub = await edit(ctx, pub, { status: 'withdrawn', withdrawnReason: 'superseded' });
    expect(await ids('quokkafish')).not.toContain(pub.id);
    expect((await search('quokkafish', LATER)).total).toBe(2);
    pub = await edit(ctx, pub, { status: 'published' });
    expect(await ids('quokkafish')).toContain(pub.id);
  });

  it('drops work moved to the trash, even without a reindex', async () => {
    await ctx.db.kysely
      .updateTable('publications')
      .set({ deletedAt: PAST })
      .where('id', '=', pub.id)
      .execute();
    expect(await ids('quokkafish')).not.toContain(pub.id);
    await ctx.db.kysely
      .updateTable('publications')
      .set({ deletedAt: null })
      .where('id', '=', pub.id)
      .execute();
  });

  it('never indexes a draft at all', async () => {
    const indexed = await ctx.search.index.indexedDocuments();
    expect(indexed.has(draft.id)).toBe(false);
    expect(indexed.has(withdrawn.id)).toBe(false);
    expect(indexed.has(embargoed.id)).toBe(true);
  });

  it('fills a page when the best-ranked matches are all still under embargo', async () => {
    // The ranking checks its best rows against visibility and widens its window while too few
    // pass (rank-first.ts): forty hidden works outrank every visible one here.
    for (let i = 0; i < 40; i++) {
      await buildPublication(ctx, {
        sectionId,
        publishedAt: PAST,
        embargoUntil: EMBARGO_ENDS,
        title: `Wapiti wapiti census ${i}`,
        summary: 'Wapiti, wapiti and more wapiti.',
      });
    }
    const visible = [];
    for (let i = 0; i < 12; i++) {
      visible.push(
        await buildPublication(ctx, {
          sectionId,
          publishedAt: PAST,
          title: `Field notes ${i}`,
          body: 'A wapiti crossed the road.',
        }),
      );
    }
    const page = await searchArchive(ctx, { q: 'wapiti', now: new Date(NOW), pageSize: 10 });
    expect(page.hits).toHaveLength(10);
    const visibleIds = new Set(visible.map((p) => p.id));
    expect(page.hits.every((h) => visibleIds.has(h.publicationId))).toBe(true);
    expect(page.total).toBe(12);
  });
});
