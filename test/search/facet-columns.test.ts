import { expect, it } from 'vitest';
import { type ColumnSource, FacetColumns, idList } from '../../src/infra/search/facet-columns.ts';

/**
 * The full load reads its rows in batches. SQLite answers each at once, so unless the load gives
 * the event loop a turn between batches, every request waits until the whole archive is read.
 * The source here answers at once, as SQLite does.
 */
it('lets requests be served between the batches of a full load', async () => {
  const batchesRead: number[] = [];
  const source: ColumnSource = {
    mark: async () => ({ seq: 0, xmin: null, open: new Set() }),
    changedSince: async (cursor) => ({ ids: [], next: cursor }),
    maxId: async () => 4_500,
    rows: async (ids) => {
      if ('from' in ids) batchesRead.push(ids.from);
      return [];
    },
  };
  const columns = new FacetColumns(source);
  let batchesWhenARequestRan: number | null = null;
  setImmediate(() => {
    batchesWhenARequestRan = batchesRead.length;
  });
  await columns.load();
  expect(batchesRead).toEqual([0, 1_000, 2_000, 3_000, 4_000]);
  expect(batchesWhenARequestRan).toBe(1);
});

it('reads the ids a query joined into one string, whatever their number of digits', () => {
  expect(idList('3,17,250,1000000')).toEqual([3, 17, 250, 1_000_000]);
  expect(idList('42')).toEqual([42]);
  expect(idList('')).toEqual([]);
  expect(idList(null)).toEqual([]);
});
