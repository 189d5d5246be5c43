import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { searchArchive } from '../../src/features/search/search-archive.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication, buildSection, fixedClock, testContext } from '../support/factories.ts';

/**
 * SQLite answers in the server's own thread, so a search that never yields holds every other
 * request until it ends. A callback queued when the search starts must run before it ends.
 */
describeEachDatabase('a search', (db) => {
  let ctx: AppContext;
  beforeAll(async () => {
    ctx = await testContext(db(), fixedClock('2026-06-01T12:00:00.000Z'));
    const sectionId = (await buildSection(ctx)).id;
    await buildPublication(ctx, {
      sectionId,
      publishedAt: '2020-01-01T00:00:00.000Z',
      title: 'Walrus census',
    });
    await searchArchive(ctx, { q: 'walrus' }); // facet columns loaded
  }, 60_000);

  it('lets other requests be served while it runs', async () => {
    let servedMeanwhile = false;
    setImmediate(() => {
      servedMeanwhile = true;
    });
    const result = await searchArchive(ctx, { q: 'walrus' });
    expect(result.total).toBe(1);
    expect(servedMeanwhile).toBe(true);
  });
});
