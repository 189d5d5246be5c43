import { beforeAll, expect, it } from 'vitest';
import { defaultSpec, generateArchive } from '../../bench/generate-archive.ts';
import type { WiredContext } from '../../src/context.ts';
import { COUNTED, searchArchive } from '../../src/features/search/search-archive.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { fixedClock, testContext } from '../support/factories.ts';

/**
 * A result list without facets stops counting past 1,000 (or the page asked for) and says so;
 * with facets the total is always exact. Needs an archive where one word has over 1,000 hits.
 */
describeEachDatabase('search totals', (db) => {
  let ctx: WiredContext;
  const now = new Date('2026-06-01T00:00:00.000Z');

  beforeAll(async () => {
    ctx = await testContext(db(), fixedClock(now.toISOString()));
    // Short texts and no PDFs: only the count matters here.
    await generateArchive(ctx.db, {
      ...defaultSpec(1_300),
      pdfShare: 0,
      bodyWords: 40,
      now,
    });
    await ctx.search.indexer.rebuild(ctx.transactor);
  }, 240_000);

  it('gives a lower bound past 1,000 without facets, and the exact total with them', async () => {
    const exact = await searchArchive(ctx, { q: 'the', now });
    expect(exact.totalExact).toBe(true);
    expect(exact.total).toBeGreaterThan(COUNTED);
    const lean = await searchArchive(ctx, { q: 'the', now, facets: false });
    expect(lean).toMatchObject({ total: COUNTED, totalExact: false });
    expect(lean.hits.map((h) => h.publicationId)).toEqual(exact.hits.map((h) => h.publicationId));
  });

  it('counts far enough to know that a deep page exists', async () => {
    const exact = await searchArchive(ctx, { q: 'the', now });
    const deep = await searchArchive(ctx, { q: 'the', now, facets: false, page: 110 });
    expect(deep.hits).toHaveLength(10);
    expect(deep.total).toBe(Math.min(exact.total, 1_100));
    expect(deep.totalExact).toBe(exact.total <= 1_100);
  });

  it('counts exactly below the limit', async () => {
    const rare = await searchArchive(ctx, { q: 'famine', now, facets: false });
    const exact = await searchArchive(ctx, { q: 'famine', now });
    expect(rare.total).toBeLessThanOrEqual(COUNTED);
    expect(rare).toMatchObject({ total: exact.total, totalExact: true });
  });
});
