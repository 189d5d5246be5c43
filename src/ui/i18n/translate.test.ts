import { describe, expect, it } from 'vitest';
import { formatDate, formatPartialDate } from './translate.ts';

describe('dates in the interface languages', () => {
  it('gives a day in Korean with its units', () => {
    expect(formatDate('2016-07-25T00:00:00.000Z', 'ko')).toBe('2016년 7월 25일');
    expect(formatDate('2016-07-25T00:00:00.000Z', 'en')).toBe('Jul 25, 2016');
  });

  it('gives a year or a month alone with its units in Korean, as stored in English', () => {
    expect(formatPartialDate('2015', 'ko')).toBe('2015년');
    expect(formatPartialDate('2012-05', 'ko')).toBe('2012년 5월');
    expect(formatPartialDate('2012-05-31', 'ko')).toBe('2012년 5월 31일');
    expect(formatPartialDate('2012-05', 'en')).toBe('2012-05');
  });
});
