import { beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { searchArchive } from '../../src/features/search/search-archive.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { fixedClock, testContext } from '../support/factories.ts';
import { CONFORMANCE_QUERIES } from './conformance-queries.ts';
import { loadDemoWithPages } from './demo-with-pages.ts';

/** The conformance queries on the server's search, on both databases. */
describeEachDatabase('search conformance', (db) => {
  let ctx: WiredContext;

  beforeAll(async () => {
    ctx = await testContext(db(), fixedClock('2026-06-01T12:00:00.000Z'));
    await loadDemoWithPages(ctx);
  }, 120_000);

  it.each(CONFORMANCE_QUERIES.map((c) => [c.q, c.finds] as const))(
    '%s finds the work it names',
    async (q, finds) => {
      const found = (await searchArchive(ctx, { q, pageSize: 50 })).hits.map((h) => h.title);
      for (const title of finds) expect(found, q).toContain(title);
    },
  );
});
