import { describe, expect, it } from 'vitest';
import { longDate, parseByline, printedDate, sortNameOf } from './bylines.ts';

describe('bylines as printed on a listing', () => {
  it('reads a name with its printed affiliation', () => {
    expect(parseByline('Roberta Cohen, HRNK Co-Chair Emeritus')).toEqual([
      { name: 'Roberta Cohen', affiliation: 'HRNK Co-Chair Emeritus', credit: 'primary' },
    ]);
  });

  it('joins names by "and" as primary authors and after "with" as a secondary credit', () => {
    expect(parseByline('David Hawk with Amanda Mortwedt Oh')).toEqual([
      { name: 'David Hawk', affiliation: null, credit: 'primary' },
      { name: 'Amanda Mortwedt Oh', affiliation: null, credit: 'secondary' },
    ]);
    expect(parseByline('Abraham Cooper and Greg Scarlatoiu').map((p) => p.name)).toEqual([
      'Abraham Cooper',
      'Greg Scarlatoiu',
    ]);
  });

  it('tells a list of names from a name and its role', () => {
    expect(
      parseByline('Joseph S. Bermudez Jr., Andy Dinville, and Mike Eley').map((p) => p.name),
    ).toEqual(['Joseph S. Bermudez Jr.', 'Andy Dinville', 'Mike Eley']);
    expect(parseByline('Jane Doe, Senior Fellow and John Roe, Director, Acme')).toEqual([
      { name: 'Jane Doe', affiliation: 'Senior Fellow', credit: 'primary' },
      { name: 'John Roe', affiliation: 'Director, Acme', credit: 'primary' },
    ]);
  });

  it('sorts by family name and keeps suffixes last', () => {
    expect(sortNameOf('Roberta Cohen')).toBe('Cohen, Roberta');
    expect(sortNameOf('Joseph S. Bermudez Jr.')).toBe('Bermudez, Joseph S., Jr.');
    expect(sortNameOf('Theme Buster', 'Theme', 'Review')).toBe('Review, Theme');
  });

  it('reads printed dates and refuses other lines', () => {
    expect(printedDate('Jul 25, 2016')).toBe('2016-07-25');
    expect(printedDate('September 5, 2014')).toBe('2014-09-05');
    expect(printedDate('Read Summary Download PDF')).toBeNull();
    expect(printedDate('Foo 12, 2014')).toBeNull();
    expect(longDate('2014-07-02')).toBe('2 July 2014');
  });
});
