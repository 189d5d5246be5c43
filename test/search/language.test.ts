import { beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { type SearchRequest, searchArchive } from '../../src/features/search/search-archive.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication, fixedClock, testContext } from '../support/factories.ts';
import { loadDemoWithPages } from './demo-with-pages.ts';

const FLOODING = 'North Korea: Flooding at Kyo-hwa-so No. 12, Jongo-ri';
const FLOODING_KO = '북한: 전거리 제12호 교화소 홍수 피해';

/** Every language rule of the issue, on the demo archive, on both databases. */
describeEachDatabase('search language rules', (db) => {
  let ctx: WiredContext;
  const search = (q: string, extra: Partial<SearchRequest> = {}) =>
    searchArchive(ctx, { q, pageSize: 50, ...extra });
  const titles = async (q: string) => (await search(q)).hits.map((h) => h.title);

  beforeAll(async () => {
    ctx = await testContext(db(), fixedClock('2026-06-01T12:00:00.000Z'));
    await loadDemoWithPages(ctx);
  }, 120_000);

  it('folds case and diacritics: Hamgyong finds Hamgyŏng, Choson finds Chosŏn', async () => {
    expect(await titles('Hamgyong')).toContain(FLOODING);
    expect(await titles('HAMGYONG')).toContain(FLOODING);
    // Chosŏn is only a name of North Korea in the gazetteer, linked to The Parallel Gulag.
    expect(await titles('Choson')).toContain("The Parallel Gulag: North Korea's…");
    expect(await titles('Chosŏn')).toEqual(await titles('Choson'));
  });

  it.each(['Jongo-ri', "Chŏn'gŏ-ri", "Chon'go-ri", 'Chongori', 'Jeongeo-ri', '전거리'])(
    'finds the Kyo-hwa-so No. 12 flooding report by the place name %s',
    async (q) => {
      const found = await titles(q);
      expect(found).toContain(FLOODING);
      expect(found).toContain(FLOODING_KO);
    },
  );

  it('recognizes a place named in a text that does not link it', async () => {
    const p = await buildPublication(ctx, {
      title: 'Letters from the northeast',
      body: "A visitor wrote of the fields around Chŏn'gŏ-ri in the spring.",
    });
    for (const q of ['Jeongeo-ri', '전거리', 'Jongo-ri']) {
      const r = await search(q);
      expect(
        r.hits.map((h) => h.publicationId),
        q,
      ).toContain(p.id);
      const hit = r.hits.find((h) => h.publicationId === p.id)!;
      expect(hit.snippet.filter((s) => s.highlighted).map((s) => s.text)).toContain("Chŏn'gŏ-ri");
    }
  });

  it('finds two Hangul syllables inside a longer word (인권 in 북한인권)', async () => {
    const r = await search('인권');
    expect(r.hits.map((h) => h.title)).toContain(FLOODING_KO);
    const hit = r.hits.find((h) => h.title === FLOODING_KO)!;
    expect(hit.snippet.some((s) => s.highlighted && s.text === '인권')).toBe(true);
    // A longer Hangul query is its bigrams in order, not any of them.
    expect(await titles('홍수피해')).toEqual([]);
    expect(await titles('홍수 피해')).toContain(FLOODING_KO);
  });

  it('stems English words: sanction finds sanctions', async () => {
    const found = await titles('sanction');
    expect(found).toContain('North Korea: Why Human Rights Must Come First');
    expect(found.length).toBe((await titles('sanctions')).length);
  });

  it('ranks the exact form above other forms of the same stem', async () => {
    const sectionId = (await buildPublication(ctx)).sectionId;
    const plural = await buildPublication(ctx, {
      sectionId,
      title: 'Zeta reviews of the embargo',
      summary: 'The zeta embargo reviews',
    });
    const singular = await buildPublication(ctx, {
      sectionId,
      title: 'Zeta review of the embargo',
      summary: 'The zeta embargo review',
    });
    const q = (w: string) => search(`${w} zeta`).then((r) => r.hits.map((h) => h.publicationId));
    expect((await q('review')).slice(0, 2)).toEqual([singular.id, plural.id]);
    expect((await q('reviews')).slice(0, 2)).toEqual([plural.id, singular.id]);
  });

  it('keeps an exact phrase exact (no stemming inside quotes)', async () => {
    await buildPublication(ctx, { title: 'Omicron sanctioned banks' });
    expect(await titles('"omicron sanctioned"')).toEqual(['Omicron sanctioned banks']);
    expect(await titles('"omicron sanction"')).toEqual([]);
  });
});
