import { describe, expect, it } from 'vitest';
import { isoDateAt } from './date-precision.ts';

describe('a stored instant read at the precision its source printed', () => {
  it.each([
    ['day', '2020-10-12'],
    ['month', '2020-10'],
    ['year', '2020'],
  ] as const)('gives a %s as %s, nothing below it', (precision, iso) => {
    expect(isoDateAt('2020-10-12T00:00:00.000Z', precision)).toBe(iso);
  });

  it('reads the UTC date, as the instant is stored', () => {
    expect(isoDateAt('2019-12-31T23:30:00.000Z', 'year')).toBe('2019');
    expect(isoDateAt('2019-12-31T23:30:00.000Z', 'month')).toBe('2019-12');
  });
});
