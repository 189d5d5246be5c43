import { describe, expect, it } from 'vitest';
import { sanitize, segment } from './analyzer.ts';
import { Gazetteer, looseKey, nameKey } from './gazetteer-variants.ts';

const gazetteer = new Gazetteer([
  { id: 1, parentId: null, names: ['Hamgyŏng-bukto', '함경북도', 'Hamgyeongbuk-do'] },
  { id: 2, parentId: 1, names: ['Jongo-ri', "Chŏn'gŏ-ri", 'Jeongeo-ri', '전거리'] },
  { id: 3, parentId: 2, names: ['Kyo-hwa-so No. 12', '제12호 교화소'] },
  { id: 4, parentId: 1, names: ['Chongjin', "Ch'ŏngjin-si", 'Cheongjin-si', '청진시'] },
]);
const lookup = (q: string) => gazetteer.lookup(segment(sanitize(q)));

describe('place-name variants', () => {
  it('give every spelling of a name one key', () => {
    expect(nameKey("Chŏn'gŏ-ri")).toBe('chongori');
    expect(nameKey('Chon go ri')).toBe('chongori');
    expect(nameKey('제12호 교화소')).toBe('제12호교화소');
  });

  it('find a place by any of its names, with or without breves, apostrophes and hyphens', () => {
    for (const q of ['Jongo-ri', 'jongori', "Chŏn'gŏ-ri", 'Chongo-ri', 'Jeongeo-ri', '전거리']) {
      expect(lookup(q), q).toEqual([2]);
    }
  });

  it('find a place without its administrative suffix, and across romanizations', () => {
    expect(lookup('Cheongjin')).toEqual([4]);
    expect(lookup('Hamgyeongbuk')).toEqual([1]);
    expect(lookup('청진')).toEqual([4]);
    expect(lookup('청진시')).toEqual([4]);
    expect(looseKey('jeongeori')).toBe(looseKey('chongori'));
  });

  it('include the places inside a place', () => {
    expect(gazetteer.withDescendants([1]).sort()).toEqual([1, 2, 3, 4]);
  });

  it('recognize names written in running text, Hangul particles included', () => {
    const text = '함경북도 전거리의 제12호 교화소에서, and at Kyo-hwa-so No. 12 near Chon’go-ri.';
    const found = gazetteer.recognize(segment(sanitize(text)));
    expect(found.map((m) => m.placeIds[0])).toEqual([1, 2, 3, 3, 2]);
    expect(text.slice(found[1]!.start, found[1]!.end)).toBe('전거리');
  });

  it('do not fire on ordinary words', () => {
    expect(gazetteer.recognize(segment('the ri of jongo'))).toEqual([]);
  });
});
