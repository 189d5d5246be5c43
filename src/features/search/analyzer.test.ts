import { describe, expect, it } from 'vitest';
import { analyze, compoundsOf, foldLatin, sanitize, segment, stemOf } from './analyzer.ts';

const tokens = (text: string) => analyze(text).map((t) => t.text);

describe('the analyzer', () => {
  it('folds case and diacritics', () => {
    expect(foldLatin('Hamgyŏng')).toBe('hamgyong');
    expect(foldLatin('CHOSŎN')).toBe('choson');
    expect(tokens('Minjujuŭi Søren Straße')).toEqual(['minjujuui', 'soren', 'strasse']);
  });

  it('drops in-word apostrophes and the English possessive', () => {
    expect(tokens("Chŏn'gŏ-ri Ch'ŏngjin Korea's")).toEqual(['chongo', 'ri', 'chongjin', 'korea']);
  });

  it('indexes Hangul as overlapping bigrams, and a lone syllable as itself', () => {
    expect(tokens('북한인권 북')).toEqual(['북한', '한인', '인권', '북']);
  });

  it('keeps the offsets of every token in the original text', () => {
    const text = 'Flooding at 전거리의 camp';
    for (const t of analyze(text)) expect(text.slice(t.start, t.end)).not.toBe('');
    const bigram = analyze(text).find((t) => t.text === '거리')!;
    expect(text.slice(bigram.start, bigram.end)).toBe('거리');
  });

  it('joins hyphenated compounds', () => {
    expect(compoundsOf(segment('Kyo-hwa-so No. 12, Jongo-ri')).map((c) => c.text)).toEqual([
      'kyohwaso',
      'jongori',
    ]);
  });

  it('stems English words and leaves the rest alone', () => {
    expect(stemOf('sanctions')).toBe('sanction');
    expect(stemOf('sanctioned')).toBe('sanction');
    expect(stemOf('sanction')).toBeNull();
    expect(stemOf('2016')).toBeNull();
    expect(stemOf('인권')).toBeNull();
  });

  it('makes control characters and lone surrogates harmless', () => {
    expect(sanitize('a\u0000b\ud83d')).toBe('a b\ufffd');
    expect(tokens('\u0000\u0001')).toEqual([]);
  });
});
