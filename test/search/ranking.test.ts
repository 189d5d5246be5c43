import { beforeAll, expect, it } from 'vitest';
import { type ArchiveFacts, defaultSpec, generateArchive } from '../../bench/generate-archive.ts';
import type { WiredContext } from '../../src/context.ts';
import { searchArchive } from '../../src/features/search/search-archive.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { fixedClock, testContext } from '../support/factories.ts';
import { loadDemoWithPages } from './demo-with-pages.ts';

/**
 * The judged set: queries with the publications a reader would expect at the top, on the demo
 * archive and on a generated corpus in the same database. Reports MRR and recall@10 per
 * backend and holds them above a floor, so a change that hurts ranking fails here.
 */
const FLOODING = 'North Korea: Flooding at Kyo-hwa-so No. 12, Jongo-ri';
const FLOODING_KO = '북한: 전거리 제12호 교화소 홍수 피해';
const GULAG = "The Parallel Gulag: North Korea's…";
const CRADLE = 'From Cradle to Grave: The Path of North Korean Innocents';
const VOICE = 'A Voice from the North Korean Gulag';
const DIALOGUE = 'A Human Rights Dialogue with North Korea: Real or Illusory?';
const UNTITLED = 'Untitled — 2 July 2014';
const SCRUTINY = 'North Korea Faces Heightened Human Rights Scrutiny';
const FIRST = 'North Korea: Why Human Rights Must Come First';
const ATROCITIES = "The Kim Regime's Atrocities, and the Road Ahead";
const CAMP25 = 'North Korea Camp No. 25 Update 2';
const MARCHING = 'Empty marching in Korea';
const UN = 'Must UN Agencies Also Fail in North Korea?';
const RFA_PREFIX = '[RFA Exclusive Interview]';
const CHALLENGES = 'Human Rights in North Korea: Addressing the Challenges';

/** [query, titles (or title prefixes) any of which is a right answer]. */
const DEMO_JUDGMENTS: Array<[string, string[]]> = [
  ['flooding Kyo-hwa-so', [FLOODING, FLOODING_KO]],
  ['Jeongeo-ri', [FLOODING, FLOODING_KO]],
  ['전거리 홍수', [FLOODING_KO]],
  ['Hamgyong-bukto flooding', [FLOODING]],
  ['Camp No. 25', [CAMP25]],
  ['parallel gulag', [GULAG]],
  ['Hawk', [GULAG]],
  ['re-education camps Ministry of People’s Security', [GULAG]],
  ['cradle to grave', [CRADLE]],
  ['Robert Collins terror', [CRADLE]],
  ['Escape from Camp 14', [VOICE]],
  ['Blaine Harden', [VOICE]],
  ['Women Cross DMZ', [MARCHING]],
  ['prisoners of war', [MARCHING]],
  ['Sri Lanka', [UN]],
  ['Kirby Darusman Biserko', [ATROCITIES]],
  ['human rights dialogue', [DIALOGUE]],
  ['Botswana', [DIALOGUE]],
  ['Lough Erne', [DIALOGUE]],
  ['"songbun system"', [DIALOGUE]],
  ['Mongolia president tyranny', [DIALOGUE]],
  ['forced return China', [UNTITLED]],
  ['economic migrants', [UNTITLED]],
  ['heightened scrutiny', [SCRUTINY]],
  ['consensus 21 March 2013', [SCRUTINY]],
  ['sanctions Kim Jong-un', [RFA_PREFIX]],
  ['Byun Chang-seop', [RFA_PREFIX]],
  ['nuclear weapons containment', [FIRST]],
  ['missile defense', [FIRST]],
  ['AllSource satellite imagery', [CAMP25, FLOODING]],
  ['홍수 피해 위성사진', [FLOODING_KO]],
  ['NGOs civil society', [CHALLENGES]],
];

interface Judgment {
  q: string;
  relevant: Set<number>;
  source: 'demo' | 'generated';
}

const GENERATED_SIZE = 300;

describeEachDatabase('search ranking on a judged set', (db, dialect) => {
  let ctx: WiredContext;
  let facts: ArchiveFacts;
  const judgments: Judgment[] = [];

  beforeAll(async () => {
    ctx = await testContext(db(), fixedClock('2026-06-01T12:00:00.000Z'));
    await loadDemoWithPages(ctx);
    const spec = { ...defaultSpec(GENERATED_SIZE), now: new Date('2026-06-01T00:00:00.000Z') };
    facts = await generateArchive(ctx.db, spec);
    await ctx.search.indexer.rebuild(ctx.transactor);

    const all = await ctx.db.kysely.selectFrom('publications').select(['id', 'title']).execute();
    for (const [q, titles] of DEMO_JUDGMENTS) {
      const relevant = all
        .filter((p) => titles.some((t) => p.title === t || p.title.startsWith(t)))
        .map((p) => p.id);
      if (relevant.length === 0) throw new Error(`no demo publication for ${q}`);
      judgments.push({ q, relevant: new Set(relevant), source: 'demo' });
    }
    // Generated: whole titles, words only a PDF page holds, and places by their Revised name.
    const titled = facts.titles.filter((t) => t.title.split(' ').length >= 6).slice(0, 6);
    for (const t of titled)
      judgments.push({ q: t.title, relevant: new Set([t.id]), source: 'generated' });
    for (const n of facts.needles.slice(0, 5)) {
      judgments.push({ q: n.word, relevant: new Set([n.id]), source: 'generated' });
    }
    const places = facts.places.filter((p) => (facts.placeLinks[p.id]?.length ?? 0) >= 2);
    for (const p of places.slice(0, 4)) {
      judgments.push({
        q: p.revised,
        relevant: new Set(facts.placeLinks[p.id]),
        source: 'generated',
      });
    }
  }, 240_000);

  it('holds at least 40 judged queries', () => {
    expect(judgments.length).toBeGreaterThanOrEqual(40);
  });

  it('ranks the expected publications at the top (MRR and recall@10)', async () => {
    let rr = 0;
    let recall = 0;
    const misses: string[] = [];
    for (const j of judgments) {
      const r = await searchArchive(ctx, { q: j.q, pageSize: 10, facets: false });
      const top = r.hits.map((h) => h.publicationId);
      const rank = top.findIndex((id) => j.relevant.has(id));
      rr += rank === -1 ? 0 : 1 / (rank + 1);
      recall += top.filter((id) => j.relevant.has(id)).length / Math.min(10, j.relevant.size);
      if (rank !== 0) misses.push(`${j.q} → rank ${rank === -1 ? 'none' : rank + 1}`);
    }
    const mrr = rr / judgments.length;
    const recallAt10 = recall / judgments.length;
    console.log(
      `[${dialect}] judged queries: ${judgments.length}, MRR ${mrr.toFixed(3)}, recall@10 ${recallAt10.toFixed(3)}` +
        (misses.length > 0 ? `\n  not first: ${misses.join('; ')}` : ''),
    );
    expect(mrr).toBeGreaterThanOrEqual(0.9);
    expect(recallAt10).toBeGreaterThanOrEqual(0.93);
  });

  it('never returns the generated corpus’s hidden pieces', async () => {
    const hidden = new Set(facts.hidden);
    for (const t of facts.titles.slice(0, 20)) {
      const r = await searchArchive(ctx, { q: t.title.split(' ').slice(0, 2).join(' ') });
      for (const h of r.hits) expect(hidden.has(h.publicationId)).toBe(false);
    }
  });
});
