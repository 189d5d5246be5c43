import { describe, expect, it } from 'vitest';
import { formatDate, formatDateAt, formatPartialDate } from './translate.ts';

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

  it('gives a publication date only as far as its source printed it', () => {
    const october = '2020-10-01T00:00:00.000Z';
    expect(formatDateAt(october, 'month', 'en')).toBe('October 2020');
    expect(formatDateAt(october, 'month', 'ko')).toBe('2020년 10월');
    expect(formatDateAt('2019-01-01T00:00:00.000Z', 'year', 'en')).toBe('2019');
    expect(formatDateAt('2019-01-01T00:00:00.000Z', 'year', 'ko')).toBe('2019년');
    expect(formatDateAt(october, 'day', 'en')).toBe('Oct 1, 2020');
    // The last moments of a year in UTC are still that year, whatever the server's zone.
    expect(formatDateAt('2019-12-31T23:59:59.000Z', 'year', 'en')).toBe('2019');
  });
});
