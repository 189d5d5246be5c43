import { describe, expect, it } from 'vitest';
import { directName, initials, invertedName, nameFromSortName } from './person-name.ts';

describe('names from sort names', () => {
  it('splits family, given and suffix at the commas of the sort name', () => {
    expect(nameFromSortName('Bermudez, Joseph S., Jr.', 'Joseph S. Bermudez Jr.')).toEqual({
      family: 'Bermudez',
      given: 'Joseph S.',
      suffix: 'Jr.',
    });
    expect(nameFromSortName('Mortwedt Oh, Amanda', 'Amanda Mortwedt Oh')).toEqual({
      family: 'Mortwedt Oh',
      given: 'Amanda',
      suffix: null,
    });
  });

  it('keeps a Korean name family-first, as its sort name says, not as a Western guess would', () => {
    const name = nameFromSortName('Byun, Chang-seop', 'Byun Chang-seop');
    expect(invertedName(name)).toBe('Byun, Chang-seop');
    expect(directName(name, 'Byun Chang-seop')).toBe('Byun Chang-seop');
  });

  it('treats a sort name without a comma as a name to print whole', () => {
    expect(
      nameFromSortName(
        'Committee for Human Rights in North Korea',
        'Committee for Human Rights in North Korea',
      ),
    ).toEqual({
      literal: 'Committee for Human Rights in North Korea',
    });
  });

  it('makes APA initials, keeping hyphens and existing initials', () => {
    expect(initials('Joseph S.')).toBe('J. S.');
    expect(initials('Chang-seop')).toBe('C.-S.');
    expect(initials('Roberta')).toBe('R.');
  });
});
