import { describe, expect, it } from 'vitest';
import { readDate } from './import-dates.ts';

describe('readDate', () => {
  it.each([
    ['Jul 25, 2016', '2016-07-25', 'day'],
    ['July 25 2016', '2016-07-25', 'day'],
    ['Sept. 3rd, 2019', '2019-09-03', 'day'],
    ['12 March 2021', '2021-03-12', 'day'],
    ['Posted on 12 March 2021 by the editors', '2021-03-12', 'day'],
    ['2021-03-12', '2021-03-12', 'day'],
    ['2021-03-12T23:30:00+09:00', '2021-03-12', 'day'],
    ['2021년 3월 12일', '2021-03-12', 'day'],
    ['2021.03.12', '2021-03-12', 'day'],
    ['2019. 6. 3.', '2019-06-03', 'day'],
    ['2021/03/12', '2021-03-12', 'day'],
    ['October 2020', '2020-10-01', 'month'],
    ['Oct. 2020', '2020-10-01', 'month'],
    ['2020년 10월', '2020-10-01', 'month'],
    ['2021-03', '2021-03-01', 'month'],
    ['2019', '2019-01-01', 'year'],
  ])('reads “%s” as %s (%s)', (text, day, precision) => {
    expect(readDate(text)).toEqual({ day, precision });
  });

  it.each([
    [''],
    ['No date'],
    ['Report 2019 edition'],
    ['03/04/2021'],
    ['Feb 30, 2021'],
    ['2021-13-01'],
    ['today'],
  ])('reads no date in “%s” rather than guess', (text) => {
    expect(readDate(text)).toBeNull();
  });
});
