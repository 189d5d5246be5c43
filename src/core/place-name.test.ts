import { describe, expect, it } from 'vitest';
import { hangulName, placeNameIn, preferredName } from './place-name.ts';

const northKorea = [
  { name: 'North Korea', language: 'en', scheme: 'english', preferred: true },
  { name: '조선민주주의인민공화국', language: 'ko', scheme: 'hangul', preferred: false },
  { name: '북한', language: 'ko', scheme: 'hangul', preferred: true },
];

describe('place names by interface language', () => {
  it('gives the preferred Hangul name in Korean, not the first one listed', () => {
    expect(placeNameIn(northKorea, 'ko')).toBe('북한');
    expect(hangulName(northKorea)).toBe('북한');
  });

  it('keeps the English name on English pages even when a Hangul name is also preferred', () => {
    expect(placeNameIn(northKorea, 'en')).toBe('North Korea');
    expect(preferredName([...northKorea].reverse())).toBe('North Korea');
  });

  it('falls back to the first Hangul name, then to the romanized name', () => {
    const chongjin = [
      { name: 'Chongjin', scheme: 'english', preferred: true },
      { name: '청진시', scheme: 'hangul', preferred: false },
    ];
    expect(placeNameIn(chongjin, 'ko')).toBe('청진시');
    expect(placeNameIn([{ name: 'Susong', scheme: 'english', preferred: true }], 'ko')).toBe(
      'Susong',
    );
  });

  it('shows a place known only in Korean script by that name', () => {
    expect(preferredName([{ name: '수성', scheme: 'hangul', preferred: false }])).toBe('수성');
  });
});
