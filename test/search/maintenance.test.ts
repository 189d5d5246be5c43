import { beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { updatePlace } from '../../src/features/entities/index.ts';
import { searchArchive } from '../../src/features/search/search-archive.ts';
import { hasDrift } from '../../src/features/search/search-indexer.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildPerson,
  buildPlace,
  buildPublication,
  fixedClock,
  testContext,
} from '../support/factories.ts';
import { attachPdf, deliverPages, edit } from './helpers.ts';

/** The index follows every change to the archive, inside the change's own transaction. */
describeEachDatabase('search index maintenance', (db) => {
  let ctx: WiredContext;
  const ids = async (q: string) =>
    (await searchArchive(ctx, { q, pageSize: 50 })).hits.map((h) => h.publicationId);

  beforeAll(async () => {
    ctx = await testContext(db(), fixedClock('2026-06-01T12:00:00.000Z'));
  });

  it('indexes work when it is published and re-indexes it when edited', async () => {
    let p = await buildPublication(ctx, { status: 'draft', publishedAt: null, title: 'Pangolin' });
    expect(await ids('pangolin')).toEqual([]);
    p = await edit(ctx, p, { status: 'published', publishedAt: '2020-01-01T00:00:00.000Z' });
    expect(await ids('pangolin')).toEqual([p.id]);
    p = await edit(ctx, p, { title: 'Armadillo' });
    expect(await ids('pangolin')).toEqual([]);
    expect(await ids('armadillo')).toEqual([p.id]);
  });

  it('rolls the index back with a failed write', async () => {
    const p = await buildPublication(ctx, { title: 'Capybara' });
    await expect(
      ctx.transactor.transaction(async (tx) => {
        await ctx.search.index.deleteDocument(p.id, tx);
        throw new Error('the save failed');
      }),
    ).rejects.toThrow('the save failed');
    expect(await ids('capybara')).toEqual([p.id]);
  });

  it('finds words inside a PDF once its text arrives, naming the page', async () => {
    const p = await buildPublication(ctx, { title: 'Annual report' });
    const file = await attachPdf(ctx, p.id, 'annual-report.pdf');
    expect(await ids('okapi')).toEqual([]);
    await deliverPages(ctx, file.id, [
      'Opening page.',
      'The okapi census.',
      'Nothing here.',
      'An okapi again, and okapi once more.',
    ]);
    const r = await searchArchive(ctx, { q: 'okapi' });
    expect(r.hits.map((h) => h.publicationId)).toEqual([p.id]);
    const pdf = r.hits[0]!.pdf[0]!;
    expect(pdf.fileName).toBe('annual-report.pdf');
    expect(pdf.matchingPages).toBe(2);
    expect(pdf.pages.map((x) => x.page)).toEqual([4, 2]);
    expect(pdf.pages[1]!.snippet).toEqual([
      { text: 'The ', highlighted: false },
      { text: 'okapi', highlighted: true },
      { text: ' census.', highlighted: false },
    ]);
    await deliverPages(ctx, file.id, ['Replaced text about a tapir.']);
    expect(await ids('okapi')).toEqual([]);
    expect(await ids('tapir')).toEqual([p.id]);
  });

  it('shows the best few of many matching pages, and counts them all', async () => {
    const p = await buildPublication(ctx, { title: 'Long report' });
    const file = await attachPdf(ctx, p.id, 'long.pdf');
    const pages = Array.from({ length: 12 }, (_, i) =>
      i === 6 ? 'quagga quagga quagga on page seven' : `page ${i + 1} mentions a quagga`,
    );
    await deliverPages(ctx, file.id, pages);
    const hit = (await searchArchive(ctx, { q: 'quagga' })).hits[0]!;
    expect(hit.pdf[0]!.matchingPages).toBe(12);
    expect(hit.pdf[0]!.pages).toHaveLength(3);
    expect(hit.pdf[0]!.pages[0]!.page).toBe(7);
  });

  it('finds and counts a phrase only a PDF page holds, after the works whose text holds it', async () => {
    const inText = [];
    for (let i = 0; i < 11; i++) {
      inText.push(await buildPublication(ctx, { title: `Report ${i} on the quagga crossing` }));
    }
    const onPage = await buildPublication(ctx, { title: 'Annex of maps' });
    const file = await attachPdf(ctx, onPage.id, 'annex.pdf');
    // Both words on every page, but side by side only on the second.
    await deliverPages(ctx, file.id, ['Crossing the quagga.', 'The quagga crossing at dawn.']);
    const search = (page: number) =>
      searchArchive(ctx, { q: '"quagga crossing"', facets: false, page, pageSize: 10 });
    const first = await search(1);
    expect(first).toMatchObject({ total: 12, totalExact: true });
    expect(first.hits.map((h) => h.publicationId)).not.toContain(onPage.id);
    const second = (await search(2)).hits.map((h) => h.publicationId);
    expect(second).toHaveLength(2);
    expect(second.at(-1)).toBe(onPage.id);
    expect(inText.map((p) => p.id)).toContain(second[0]);
  });

  it('refreshes linked publications after a person is renamed', async () => {
    const person = await buildPerson(ctx, 'Hortensia Vale');
    const p = await buildPublication(ctx, {
      title: 'Interview notes',
      contributions: [{ personId: person.id, role: 'author', credit: 'primary' }],
    });
    expect(await ids('hortensia')).toEqual([p.id]);
    await ctx.transactor.transaction(async (tx) => {
      await ctx.repos.people.update(
        person.id,
        { ...person, name: 'Hortensia Bright', sortName: 'Bright, Hortensia' },
        '2026-06-01T12:00:00.000Z',
        tx,
      );
      await ctx.search.indexer.refreshLinked({ personId: person.id }, tx);
    });
    expect(await ids('bright')).toEqual([p.id]);
    expect(await ids('vale')).toEqual([]);
  });

  it('refreshes publications that link or name a place after its names change', async () => {
    const place = await buildPlace(
      ctx,
      { name: 'Sinp’o-ri', language: 'ko-Latn', scheme: 'mccune-reischauer' },
      { kind: 'village' },
    );
    const linked = await buildPublication(ctx, { title: 'A linked piece', placeIds: [place.id] });
    const naming = await buildPublication(ctx, {
      title: 'A naming piece',
      body: 'Travellers reached 신포리 at dusk.',
    });
    expect(await ids('Sinpo-ri')).toEqual([linked.id]);
    await ctx.transactor.transaction(async (tx) => {
      await ctx.repos.places.update(
        place.id,
        {
          ...place,
          names: [
            ...place.names,
            { name: '신포리', language: 'ko', scheme: 'hangul', preferred: false },
          ],
        },
        '2026-06-01T12:00:00.000Z',
        tx,
      );
      await ctx.search.indexer.refreshLinked({ placeId: place.id }, tx);
    });
    expect((await ids('Sinpo-ri')).sort()).toEqual([linked.id, naming.id].sort());
  });

  it('re-indexes the texts that name a place when the back office gives it a new name', async () => {
    const {
      id,
      updatedAt: _,
      ...place
    } = await buildPlace(
      ctx,
      { name: 'Sŭngam-ri', language: 'ko-Latn', scheme: 'mccune-reischauer' },
      { kind: 'village' },
    );
    const linked = await buildPublication(ctx, { title: 'A linked piece', placeIds: [id] });
    const naming = await buildPublication(ctx, {
      title: 'A piece that names it',
      body: 'The road to 승암리 was closed in winter.',
    });
    expect(await ids('Sungam-ri')).toEqual([linked.id]);
    await updatePlace(
      ctx,
      id,
      {
        ...place,
        names: [...place.names, { name: '승암리', language: 'ko', scheme: 'hangul' }],
      },
      SYSTEM_ACTOR,
    );
    expect((await ids('Sungam-ri')).sort()).toEqual([linked.id, naming.id].sort());
    expect(hasDrift(await ctx.search.indexer.check())).toBe(false);
  });

  it('finds work by the places a place lies in, and follows the place when it moves', async () => {
    const north = await buildPlace(ctx, 'Quillmoor', { kind: 'province' });
    const south = await buildPlace(ctx, 'Fernhollow', { kind: 'province' });
    const {
      id,
      updatedAt: _,
      ...town
    } = await buildPlace(ctx, 'Ostwick', {
      kind: 'town',
      parentId: north.id,
    });
    const camp = await buildPlace(ctx, 'Camp Brennock', { kind: 'facility', parentId: id });
    const p = await buildPublication(ctx, { title: 'A report', placeIds: [camp.id] });
    expect(await ids('Quillmoor')).toEqual([p.id]);
    expect(await ids('Ostwick')).toEqual([p.id]);
    expect(await ids('Fernhollow')).toEqual([]);
    await updatePlace(ctx, id, { ...town, parentId: south.id }, SYSTEM_ACTOR);
    expect(await ids('Fernhollow')).toEqual([p.id]);
    expect(await ids('Quillmoor')).toEqual([]);
    expect(hasDrift(await ctx.search.indexer.check())).toBe(false);
  });

  it('reports drift between the index and the archive, and a rebuild mends it', async () => {
    expect(hasDrift(await ctx.search.indexer.check())).toBe(false);
    const p = await buildPublication(ctx, { title: 'Marmot' });
    // Changes made behind the change feed's back: the index cannot know of them.
    await ctx.db.kysely
      .updateTable('publications')
      .set({ title: 'Vicuna' })
      .where('id', '=', p.id)
      .execute();
    const gone = await buildPublication(ctx, { title: 'Ibex' });
    await ctx.db.kysely.deleteFrom('searchDocs').where('publicationId', '=', gone.id).execute();
    const report = await ctx.search.indexer.check();
    expect(report.stale).toEqual([p.id]);
    expect(report.missing).toEqual([gone.id]);
    expect(hasDrift(report)).toBe(true);
    await ctx.search.indexer.rebuild(ctx.transactor);
    expect(hasDrift(await ctx.search.indexer.check())).toBe(false);
    expect(await ids('vicuna')).toEqual([p.id]);
    expect(await ids('marmot')).toEqual([]);
    expect(await ids('ibex')).toEqual([gone.id]);
  });
});
