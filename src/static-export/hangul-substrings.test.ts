import { describe, expect, it } from 'vitest';
import { hangulSuffixes } from './hangul-substrings.ts';

describe('hangulSuffixes', () => {
  it('makes every inner two-syllable word the start of an indexed word', () => {
    expect(hangulSuffixes('북한인권 보고서')).toEqual(['한인권', '인권', '고서']);
  });

  it('adds nothing for short Hangul words or other scripts', () => {
    expect(hangulSuffixes('인권 North Korea 北韓人權')).toEqual([]);
  });

  it('lists each suffix once however often it occurs', () => {
    expect(hangulSuffixes('북한인권 북한인권을')).toEqual([
      '한인권',
      '인권',
      '한인권을',
      '인권을',
      '권을',
    ]);
  });
});
