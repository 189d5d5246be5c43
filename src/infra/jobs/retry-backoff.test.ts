import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retry-backoff.ts';

describe('the retry backoff', () => {
  it('doubles the wait after each failed attempt', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never waits longer than the cap, however many attempts failed', () => {
    expect(retryDelayMs(50, 1000, 60_000)).toBe(60_000);
  });
});
