import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { parseQuery } from '../../src/features/search/query-parser.ts';
import { planQuery } from '../../src/features/search/query-plan.ts';
import { type SearchRequest, searchArchive } from '../../src/features/search/search-archive.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPerson, buildPublication, fixedClock, testContext } from '../support/factories.ts';

/**
 * Relevance in two tiers (src/search/tiered-ranking.ts): works that are about the words (in
 * their title, summary, people, topics or places) come before works that only mention them,
 * however often; pages run on across the two tiers.
 */
describeEachDatabase('search ranking in tiers', (db) => {
  let ctx: AppContext;
  const ids: Record<string, number> = {};
  const search = (q: string, extra: Partial<SearchRequest> = {}) =>
    searchArchive(ctx, { q, facets: false, ...extra });
  const order = async (q: string, extra: Partial<SearchRequest> = {}) =>
    (await search(q, extra)).hits.map((h) => h.publicationId);

  beforeAll(async () => {
    ctx = await testContext(db(), fixedClock('2026-06-01T12:00:00.000Z'));
    const often = Array.from({ length: 40 }, () => 'The marmoset census was repeated.').join(' ');
    const author = await buildPerson(ctx, 'Quillon Marmoset');
    const make = async (key: string, fields: Parameters<typeof buildPublication>[1]) => {
      ids[key] = (await buildPublication(ctx, { title: 'Field notes', ...fields })).id;
    };
    await make('titled', { title: 'The Marmoset Census' });
    await make('summarized', { summary: 'On the marmoset census of the northern valleys.' });
    await make('authored', {
      contributions: [{ personId: author.id, role: 'author', affiliationLabel: null }],
    });
    await make('mentioned', { body: often });
    await make('mentionedOnce', { body: 'A marmoset, once, and a census.' });
    await make('excluded', { title: 'Marmoset census in the lowlands', body: 'lowlands survey' });
    // Whole-text ranking divides by length: alone, it puts a short mention above a long work.
    const filler = Array.from({ length: 600 }, () => 'Canopy height and rainfall.').join(' ');
    await make('longAbout', { summary: 'A tamarin survey of the valleys.', body: filler });
    await make('shortMention', { body: 'Tamarin survey.' });
  }, 60_000);

  it('ranks works about the words above works that only mention them, however often', async () => {
    const ranked = await order('marmoset census');
    const about = new Set([ids.titled, ids.summarized, ids.excluded]);
    expect(new Set(ranked.slice(0, 3))).toEqual(about);
    expect(new Set(ranked.slice(3))).toEqual(new Set([ids.mentioned, ids.mentionedOnce]));
    const scores = (await search('marmoset census')).hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('ranks a long work about the words above a short one that only mentions them', async () => {
    expect(await order('tamarin survey')).toEqual([ids.longAbout, ids.shortMention]);
  });

  it('counts a contributor’s name as part of what a work is about', async () => {
    const ranked = await order('marmoset');
    const firstTier = ranked.slice(0, 4);
    expect(firstTier).toContain(ids.authored);
    expect(firstTier).not.toContain(ids.mentioned);
  });

  it('pages across the two tiers without repeating or skipping a work', async () => {
    const all = await order('marmoset census', { pageSize: 50 });
    const paged: number[] = [];
    for (let page = 1; page <= 3; page++) {
      const r = await search('marmoset census', { pageSize: 2, page });
      expect(r.total).toBe(all.length);
      paged.push(...r.hits.map((h) => h.publicationId));
    }
    expect(paged).toEqual(all);
  });

  it('ranks a query with an exclusion over whole entries, leaving out the excluded', async () => {
    const ranked = await order('marmoset census -lowlands');
    expect(ranked).not.toContain(ids.excluded);
    expect(new Set(ranked)).toEqual(
      new Set([ids.titled, ids.summarized, ids.mentioned, ids.mentionedOnce]),
    );
  });

  it('stops counting at a limit when asked, and counts every hit otherwise', async () => {
    const gazetteer = await ctx.search.gazetteers.get();
    const match = planQuery(parseQuery('marmoset').root, gazetteer).match;
    const q = { match, constraints: [], now: new Date('2026-06-01T12:00:00.000Z') };
    expect(await ctx.search.index.count(q)).toBe(6);
    expect(await ctx.search.index.count(q, 4)).toBe(4);
    expect(await ctx.search.index.count(q, 50)).toBe(6);
    const r = await search('marmoset');
    expect(r).toMatchObject({ total: 6, totalExact: true, facets: null });
  });

  it('applies filters in both tiers', async () => {
    const filtered = await search('marmoset', { filters: { types: ['article'] } });
    expect(filtered.total).toBe(6);
    expect(filtered.hits.map((h) => h.publicationId)).toEqual(await order('marmoset'));
    expect(await order('marmoset year:2014')).toHaveLength(6);
    expect(await order('marmoset year:2015')).toEqual([]);
  });
});
