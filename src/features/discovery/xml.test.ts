import { describe, expect, it } from 'vitest';
import { element, xmlAttr, xmlText } from './xml.ts';

describe('XML escaping', () => {
  it('escapes markup in text and both quote kinds in attributes', () => {
    expect(xmlText('Q&A <b>"x"</b>')).toBe('Q&amp;A &lt;b&gt;"x"&lt;/b&gt;');
    expect(xmlAttr(`"it's"`)).toBe('&quot;it&apos;s&quot;');
  });

  it('drops characters XML 1.0 forbids instead of writing an unreadable document', () => {
    expect(xmlText('a\u0000b\u0008c\u000bd\ufffee\tf\ng')).toBe('abcde\tf\ng');
    expect(xmlText('lone \ud800 surrogate, kept 😀')).toBe('lone  surrogate, kept 😀');
  });

  it('writes nothing for a missing value and keeps Hangul as it is', () => {
    expect(element('title', null)).toBe('');
    expect(element('title', '북한 인권', { 'xml:lang': 'ko' })).toBe(
      '<title xml:lang="ko">북한 인권</title>',
    );
  });
});
