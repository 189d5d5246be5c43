import { describe, expect, it } from 'vitest';
import { textLanguage } from './text-language.ts';

describe('the language of a stored text inside an interface language', () => {
  it('marks English text shown on a Korean page, and Korean text on an English page', () => {
    expect(textLanguage('HRNK Co-Chair', 'ko')).toBe('en');
    expect(textLanguage('북한인권위원회 공동위원장', 'en')).toBe('ko');
  });

  it('leaves text in the page’s own language and text without letters unmarked', () => {
    expect(textLanguage('북한인권위원회(HRNK)', 'ko')).toBeUndefined();
    expect(textLanguage('HRNK Co-Chair', 'en')).toBeUndefined();
    expect(textLanguage('2016', 'ko')).toBeUndefined();
  });
});
