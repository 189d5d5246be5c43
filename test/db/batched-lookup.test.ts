import { describe, expect, it } from 'vitest';
import { batchedLookup } from '../../src/infra/db/batched-lookup.ts';

function countingLookup(options: { maxBatch?: number; fail?: boolean } = {}) {
  const batches: string[][] = [];
  const lookup = batchedLookup<string, string>({
    idOf: (key) => key,
    fetch: async (keys) => {
      batches.push(keys);
      if (options.fail) throw new Error('the database went away');
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.toUpperCase()]));
    },
    maxBatch: options.maxBatch ?? 64,
  });
  return { lookup, batches };
}

describe('a batched lookup', () => {
  it('answers the lookups of one turn with one fetch, each with its own value', async () => {
    const { lookup, batches } = countingLookup();
    expect(await Promise.all(['a', 'b', 'missing', 'c'].map(lookup))).toEqual([
      'A',
      'B',
      undefined,
      'C',
    ]);
    expect(batches).toEqual([['a', 'b', 'missing', 'c']]);
  });

  it('fetches a key asked for twice in a batch once, and answers both', async () => {
    const { lookup, batches } = countingLookup();
    expect(await Promise.all(['a', 'a', 'b'].map(lookup))).toEqual(['A', 'A', 'B']);
    expect(batches).toEqual([['a', 'b']]);
  });

  it('waits for no later turn: lookups apart in time are fetched apart', async () => {
    const { lookup, batches } = countingLookup();
    expect(await lookup('a')).toBe('A');
    expect(await lookup('b')).toBe('B');
    expect(batches).toEqual([['a'], ['b']]);
  });

  it('sends a full batch at once and starts the next', async () => {
    const { lookup, batches } = countingLookup({ maxBatch: 2 });
    expect(await Promise.all(['a', 'b', 'c', 'd', 'e'].map(lookup))).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
    ]);
    expect(batches).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('fails every lookup of a batch whose fetch failed, and the next batch is fetched afresh', async () => {
    const failing = countingLookup({ fail: true });
    const results = await Promise.allSettled(['a', 'b'].map(failing.lookup));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(failing.batches).toEqual([['a', 'b']]);
    await expect(failing.lookup('c')).rejects.toThrow('the database went away');
    expect(failing.batches).toEqual([['a', 'b'], ['c']]);
  });

  it('fails the lookups, not the process, when the fetch throws before it answers', async () => {
    const lookup = batchedLookup<string, string>({
      idOf: (key) => key,
      fetch: () => {
        throw new Error('no connection');
      },
      maxBatch: 64,
    });
    await expect(Promise.all(['a', 'b'].map(lookup))).rejects.toThrow('no connection');
  });
});
