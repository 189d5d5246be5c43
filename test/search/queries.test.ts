import { beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { type SearchRequest, searchArchive } from '../../src/features/search/search-archive.ts';
import { noteText } from '../../src/features/search/search-notes.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { fixedClock, testContext } from '../support/factories.ts';
import { loadDemoWithPages } from './demo-with-pages.ts';

const DIALOGUE = 'A Human Rights Dialogue with North Korea: Real or Illusory?';

/** Query syntax, filters, facets, sorting, paging and bad input, on both databases. */
describeEachDatabase('search queries', (db) => {
  let ctx: WiredContext;
  const search = (q: string, extra: Partial<SearchRequest> = {}) =>
    searchArchive(ctx, { q, pageSize: 50, ...extra });
  const titles = async (q: string, extra: Partial<SearchRequest> = {}) =>
    (await search(q, extra)).hits.map((h) => h.title);

  beforeAll(async () => {
    ctx = await testContext(db(), fixedClock('2026-06-01T12:00:00.000Z'));
    await loadDemoWithPages(ctx);
  }, 120_000);

  it('requires every word', async () => {
    expect(await titles('Botswana Mongolia')).toEqual([DIALOGUE]);
    expect(await titles('Botswana Hamgyong')).toEqual([]);
  });

  it('matches an exact phrase only in that order', async () => {
    expect(await titles('"Lough Erne"')).toEqual([DIALOGUE]);
    expect(await titles('"Erne Lough"')).toEqual([]);
  });

  it('excludes words, takes either of two with OR, and completes a prefix', async () => {
    const camps = await titles('camps');
    const withoutCohen = await titles('camps -cohen');
    expect(withoutCohen.length).toBeLessThan(camps.length);
    expect(withoutCohen).not.toContain(DIALOGUE);
    expect((await titles('Botswana OR Blaine')).sort()).toEqual(
      [DIALOGUE, 'A Voice from the North Korean Gulag'].sort(),
    );
    expect(await titles('Botsw*')).toEqual([DIALOGUE]);
  });

  it('filters by author, type, section, topic, place, language and year', async () => {
    expect(await titles('author:gershman')).toHaveLength(3);
    expect(await titles('author:"Carl Gershman" gulag')).toEqual([
      'A Voice from the North Korean Gulag',
    ]);
    expect(await titles('type:review')).toEqual(['A Voice from the North Korean Gulag']);
    expect(await titles('section:reports lang:ko')).toEqual([
      '북한: 전거리 제12호 교화소 홍수 피해',
    ]);
    expect((await titles('topic:sanctions')).length).toBe(2);
    // A place includes the places inside it: Camp No. 25 lies in Hamgyŏng-bukto too.
    expect((await titles('place:Hamgyong lang:en')).sort()).toEqual([
      'North Korea Camp No. 25 Update 2',
      'North Korea: Flooding at Kyo-hwa-so No. 12, Jongo-ri',
    ]);
    expect(await titles('cohen year:2016')).toHaveLength(1);
    expect((await titles('cohen year:2013..2014')).length).toBe(4);
    expect((await titles('cohen -year:2013..2014')).length).toBe(2);
  });

  it('says when a filter names nothing, and finds nothing', async () => {
    const r = await search('author:nobodyknown');
    expect(r.total).toBe(0);
    expect(r.notes.map((n) => noteText(n)).join(' ')).toMatch(/No author matches "nobodyknown"/);
    expect((await search('type:poem')).notes.map((n) => noteText(n)).join(' ')).toMatch(
      /No type "poem"/,
    );
    expect((await search('year:soon')).notes.map((n) => noteText(n)).join(' ')).toMatch(
      /not a year/,
    );
  });

  it('counts facets over the visible results, and facets combine', async () => {
    const r = await search('human rights');
    const f = r.facets!;
    const sum = (values: Array<{ count: number }>) => values.reduce((n, v) => n + v.count, 0);
    expect(sum(f.type)).toBe(r.total);
    expect(sum(f.section)).toBe(r.total);
    expect(sum(f.language)).toBe(r.total);
    expect(sum(f.year)).toBe(r.total);
    expect(f.person.find((p) => p.value === 'roberta-cohen')?.count).toBe(6);
    expect(f.yearRange).toEqual({ min: 2013, max: 2017 });
    const narrowed = await search('human rights', {
      filters: { people: ['roberta-cohen'], yearFrom: 2014, yearTo: 2014 },
    });
    expect(narrowed.total).toBe(2);
    expect(narrowed.facets!.person.find((p) => p.value === 'roberta-cohen')).toMatchObject({
      count: 2,
      selected: true,
    });
    expect(narrowed.facets!.year).toEqual([
      { value: '2014', label: '2014', labelKo: null, count: 2, selected: true },
    ]);
    const byTopic = await search('', { filters: { topics: ['sanctions'], types: ['remarks'] } });
    expect(byTopic.hits.map((h) => h.title)).toEqual([
      'North Korea: Why Human Rights Must Come First',
    ]);
  });

  it('sorts by date and pages through the results', async () => {
    const newest = await search('north korea', { sort: 'newest', pageSize: 5 });
    const dates = newest.hits.map((h) => h.publishedAt!);
    expect(dates).toEqual([...dates].sort().reverse());
    const all = await search('north korea', { sort: 'newest', pageSize: 50 });
    const page2 = await search('north korea', { sort: 'newest', pageSize: 5, page: 2 });
    expect(page2.hits.map((h) => h.publicationId)).toEqual(
      all.hits.slice(5, 10).map((h) => h.publicationId),
    );
    expect(page2.pageCount).toBe(Math.ceil(all.total / 5));
    const oldest = await search('north korea', { sort: 'oldest', pageSize: 1 });
    expect(oldest.hits[0]!.publishedAt).toBe(dates.length ? all.hits.at(-1)!.publishedAt : null);
    const beyond = await search('north korea', { page: 99, pageSize: 10 });
    expect(beyond.hits).toEqual([]);
    expect(beyond.total).toBe(all.total);
  });

  it('marks the matching words in titles and snippets as structured segments', async () => {
    const hit = (await search('Lough Erne')).hits[0]!;
    expect(hit.snippet.filter((s) => s.highlighted).map((s) => s.text)).toEqual(['Lough Erne']);
    const dialogue = (await search('dialogue')).hits.find((h) => h.title === DIALOGUE)!;
    expect(dialogue.titleSegments).toEqual([
      { text: 'A Human Rights ', highlighted: false },
      { text: 'Dialogue', highlighted: true },
      { text: ' with North Korea: Real or Illusory?', highlighted: false },
    ]);
  });

  it('names the PDF page a hit is on', async () => {
    // "References" is only on page 3 of the dialogue's PDF.
    const hit = (await search('references Kerry Waldorf')).hits.find((h) => h.title === DIALOGUE)!;
    expect(hit.pdf).toHaveLength(1);
    expect(hit.pdf[0]).toMatchObject({
      fileName: 'cohen-human-rights-dialogue-real-or-illusory-2014.pdf',
      matchingPages: 1,
    });
    expect(hit.pdf[0]!.pages[0]!.page).toBe(3);
  });

  it('suggests a spelling drawn from public work when nothing matches', async () => {
    const r = await search('Botswanna');
    expect(r.total).toBe(0);
    expect(r.suggestion).toEqual({ q: 'Botswana', total: 1 });
    expect((await search('sanctoins camps')).suggestion?.q).toBe('sanctions camps');
    expect((await search('qqqqqqqq')).suggestion).toBeNull();
  });

  it.each([
    ['', /Type a word/],
    ['   ', /Type a word/],
    ['-china', /excluded words alone/],
    ['*', /add a word/],
    ['"', /add a word/],
    [':', /add a word/],
    ['-', /add a word/],
  ])('answers the empty or operator-only query %j with a message', async (q, message) => {
    const r = await search(q);
    expect(r.total).toBe(0);
    expect(r.message && noteText(r.message)).toMatch(message);
  });

  it.each([
    ['NEAR(camps'],
    ['"unbalanced camps'],
    ['camps)'],
    ['(camps OR'],
    ['AND OR NOT'],
    ['camps\u0000\u0007'],
    ['camp\ud800s'],
    ['\udfff'],
    ['a:b:c'],
    ['author:'],
    ['{title}: camps'],
    ['camps^2 ~ + -'],
    ["' OR 1=1 --"],
    ['x'.repeat(10_000)],
    ['camps '.repeat(2_000)],
  ])('never fails on %j', async (q) => {
    const r = await search(q);
    expect(r.total).toBeGreaterThanOrEqual(0);
    expect(Array.isArray(r.hits)).toBe(true);
  });

  it('still searches sensibly through stray operators', async () => {
    expect(await titles('NEAR(Botswana')).toEqual([DIALOGUE]);
    expect(await titles('"Lough Erne')).toEqual([DIALOGUE]);
    expect((await search('camps '.repeat(2_000))).notes.map((n) => noteText(n)).join(' ')).toMatch(
      /shortened/,
    );
  });

  it('clamps nonsense paging instead of failing', async () => {
    const r = await searchArchive(ctx, { q: 'camps', page: -3, pageSize: 10_000 });
    expect(r.page).toBe(1);
    expect(r.pageSize).toBe(50);
    const nan = await searchArchive(ctx, { q: 'camps', page: Number.NaN, pageSize: Number.NaN });
    expect(nan.page).toBe(1);
    expect(nan.pageSize).toBe(10);
  });
});
