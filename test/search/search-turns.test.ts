import { expect, it } from 'vitest';
import { SearchTurns } from '../../src/infra/search/search-turns.ts';

/** A search that ends when told to, recording when it started. */
function gatedSearches() {
  const started: number[] = [];
  const gates = new Map<number, () => void>();
  const search = (n: number) => async () => {
    started.push(n);
    await new Promise<void>((resolve) => gates.set(n, resolve));
    return n;
  };
  const finish = async (n: number) => {
    gates.get(n)!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { started, search, finish };
}

it('runs two searches at once and lets the others in, in the order they came', async () => {
  const turns = new SearchTurns(2);
  const { started, search, finish } = gatedSearches();
  await new Promise((r) => setTimeout(r, 0));
  const results = [1, 2, 3, 4, 5].map((n) => turns.run(search(n)));
  await new Promise((r) => setTimeout(r, 0));
  expect(started).toEqual([1, 2]);
  await finish(2);
  expect(started).toEqual([1, 2, 3]);
  await finish(1);
  expect(started).toEqual([1, 2, 3, 4]);
  await finish(3);
  await finish(4);
  await finish(5);
  expect(await Promise.all(results)).toEqual([1, 2, 3, 4, 5]);
});

it('gives the turn of a search that failed to the next in line', async () => {
  const turns = new SearchTurns(1);
  const failed = turns.run(async () => {
    throw new Error('the index is being rebuilt');
  });
  const next = turns.run(async () => 'answered');
  await expect(failed).rejects.toThrow('the index is being rebuilt');
  expect(await next).toBe('answered');
  expect(await turns.run(async () => 'and the one after')).toBe('and the one after');
});
