import { describe, expect, it } from 'vitest';
import { Gazetteer } from './gazetteer-variants.ts';
import { parseQuery } from './query-parser.ts';
import { planQuery } from './query-plan.ts';
import { matchableText, textMatches } from './text-match.ts';

const gazetteer = new Gazetteer([
  { id: 12, parentId: null, names: ['Jongo-ri', "Chŏn'gŏ-ri", 'Jeongeo-ri', '전거리'] },
]);
const matches = (query: string, text: string) => {
  const match = planQuery(parseQuery(query).root, gazetteer).match!;
  return textMatches(match, matchableText(text, match, gazetteer, new Map()));
};

describe('matching a page of text against a query, as the indexes do', () => {
  it('finds a word by its exact form or any form of its stem', () => {
    expect(matches('sanction', 'New sanctions were imposed.')).toBe(true);
    expect(matches('sanctions', 'One sanction.')).toBe(true);
    expect(matches('sanction', 'Nothing of the sort.')).toBe(false);
  });

  it('requires every word, takes either with OR, and leaves out an excluded word', () => {
    expect(matches('prison camps', 'The camps and the prison.')).toBe(true);
    expect(matches('prison camps', 'The camps alone.')).toBe(false);
    expect(matches('prison OR famine', 'A famine.')).toBe(true);
    expect(matches('camps -china', 'Camps near the border with China.')).toBe(false);
    expect(matches('camps -china', 'Camps near the border.')).toBe(true);
  });

  it('matches a phrase only with its words adjacent and in order, and completes a prefix', () => {
    expect(matches('"political prison camps"', 'Four political prison camps remain.')).toBe(true);
    expect(matches('"political prison camps"', 'Prison camps, political ones.')).toBe(false);
    expect(matches('prison cam*', 'The prison camps.')).toBe(true);
    expect(matches('prison cam*', 'The prison.')).toBe(false);
    expect(matches('gul*', 'The Gulag.')).toBe(true);
  });

  it('finds a hyphenated compound joined, and a Hangul word inside a longer one', () => {
    expect(matches('kyohwaso', 'Kyo-hwa-so No. 12 was flooded.')).toBe(true);
    expect(matches('인권', '북한인권 보고서')).toBe(true);
    expect(matches('인권', '북한 보고서')).toBe(false);
  });

  it('finds a place by any of its names', () => {
    expect(matches('Jeongeo-ri', 'Flooding at Jongo-ri in 2020.')).toBe(true);
    expect(matches('전거리', "The prison at Chŏn'gŏ-ri.")).toBe(true);
    expect(matches('Jeongeo-ri', 'Flooding elsewhere.')).toBe(false);
  });
});
