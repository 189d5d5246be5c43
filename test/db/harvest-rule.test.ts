import { beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import {
  isPubliclyVisible,
  isTombstone,
  PUBLICATION_STATUSES,
  publicDatestamp,
} from '../../src/core/publication-status.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication, buildSection, fixedClock, testContext } from '../support/factories.ts';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const EARLY = '2019-01-01T00:00:00.000Z';
const PAST = '2020-01-01T00:00:00.000Z';
const LATER = '2021-01-01T00:00:00.000Z';
const FUTURE = '2030-01-01T00:00:00.000Z';

/**
 * The harvest rule in SQL (`tombstone()` and `publicDatestamp()` in db/public-visibility.ts)
 * against the domain's `isTombstone` and `publicDatestamp`, for every combination of status,
 * date, embargo and withdrawal, with and without the trash.
 */
describeEachDatabase('the harvest rule: tombstones and public datestamps', (db) => {
  let ctx: WiredContext;
  let sectionId: number;
  const made: Array<{ id: number; visible: boolean; tombstone: boolean; datestamp: string }> = [];

  beforeAll(async () => {
    // Saved in 2018, so that the date, the embargo or the withdrawal is often the latest instant.
    ctx = await testContext(db(), fixedClock('2018-06-01T00:00:00.000Z'));
    sectionId = (await buildSection(ctx)).id;
    let n = 0;
    for (const status of PUBLICATION_STATUSES) {
      for (const publishedAt of [null, PAST, FUTURE]) {
        for (const embargoUntil of [null, EARLY, LATER, FUTURE]) {
          for (const withdrawnAt of [null, EARLY, LATER]) {
            if (status === 'published' && publishedAt === null) continue; // the service fills it in
            const made_ = await buildPublication(ctx, {
              sectionId,
              status: status === 'withdrawn' ? 'draft' : status,
              publishedAt,
              embargoUntil,
              // A scheduled piece always has its moment; here it is its date, or later.
              scheduledAt: status === 'scheduled' ? (publishedAt ?? FUTURE) : null,
            });
            // Withdrawal, its record of public life and the trash are set directly: the service
            // stamps them with "now", and withdraws only what it saw public.
            const deletedAt = n % 5 === 0 ? PAST : null;
            const publicFrom = status === 'withdrawn' && n % 2 === 0 ? PAST : made_.publicFrom;
            n++;
            await ctx.db.kysely
              .updateTable('publications')
              .set({ status, withdrawnAt, deletedAt, publicFrom })
              .where('id', '=', made_.id)
              .execute();
            const p = { ...made_, status };
            const facts = { ...p, withdrawnAt, deletedAt, publicFrom };
            made.push({
              id: p.id,
              visible: isPubliclyVisible(facts, NOW),
              tombstone: isTombstone(facts),
              datestamp: publicDatestamp(facts),
            });
          }
        }
      }
    }
  }, 300_000);

  it('harvests exactly the public records and the tombstones, with the domain datestamp', async () => {
    const rows = await ctx.repos.harvest.harvest(
      { sectionId, from: null, until: '9999' },
      null,
      10_000,
      NOW,
    );
    const got = new Map(rows.map((r) => [r.publication.id, r]));
    for (const m of made) {
      const row = got.get(m.id);
      expect(row !== undefined, `publication ${m.id}`).toBe(m.visible || m.tombstone);
      if (row) {
        expect(row.deleted, `publication ${m.id}`).toBe(m.tombstone);
        expect(row.datestamp, `publication ${m.id}`).toBe(m.datestamp);
      }
    }
    expect(made.some((m) => m.tombstone)).toBe(true);
    expect(made.some((m) => m.visible)).toBe(true);
    expect(
      await ctx.repos.harvest.countHarvest({ sectionId, from: null, until: '9999' }, NOW),
    ).toBe(rows.length);
  });

  it('orders by datestamp, then id, and resumes after a position without repeating or skipping', async () => {
    const window = { sectionId, from: null, until: '9999' };
    const all = await ctx.repos.harvest.harvest(window, null, 10_000, NOW);
    const keys = all.map((r) => `${r.datestamp}|${String(r.publication.id).padStart(9, '0')}`);
    expect(keys).toEqual([...keys].sort());
    const paged: number[] = [];
    let after: { datestamp: string; id: number } | null = null;
    // Bounded, so that a position that fails to move ends the test instead of hanging it.
    for (let pages = 0; pages <= all.length; pages++) {
      const page = await ctx.repos.harvest.harvest(window, after, 7, NOW);
      if (page.length === 0) break;
      paged.push(...page.map((r) => r.publication.id));
      const last = page[page.length - 1]!;
      after = { datestamp: last.datestamp, id: last.publication.id };
    }
    expect(paged).toEqual(all.map((r) => r.publication.id));
  });

  it('selects a datestamp window: from inclusive, until exclusive', async () => {
    const window = { sectionId, from: LATER, until: FUTURE };
    const rows = await ctx.repos.harvest.harvest(window, null, 10_000, NOW);
    const expected = made.filter(
      (m) => (m.visible || m.tombstone) && m.datestamp >= LATER && m.datestamp < FUTURE,
    );
    expect(rows.map((r) => r.publication.id).sort((a, b) => a - b)).toEqual(
      expected.map((m) => m.id).sort((a, b) => a - b),
    );
  });
});
