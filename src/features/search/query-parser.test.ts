import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, MAX_TERMS, parseQuery, positiveLeaves } from './query-parser.ts';
import { noteText } from './search-notes.ts';

const words = (q: string) => positiveLeaves(parseQuery(q).root).map((l) => l.text);

describe('the query parser', () => {
  it('reads words, phrases, exclusions, OR and prefixes into a tree', () => {
    const { root } = parseQuery('camps "prison labor" -china sanctions OR embargo sanct*');
    expect(root).toMatchObject({
      kind: 'and',
      children: [
        { kind: 'term', text: 'camps', prefix: false },
        { kind: 'phrase', text: 'prison labor' },
        { kind: 'not', child: { kind: 'term', text: 'china' } },
        {
          kind: 'or',
          children: [
            { kind: 'term', text: 'sanctions' },
            { kind: 'term', text: 'embargo' },
          ],
        },
        { kind: 'term', text: 'sanct', prefix: true },
      ],
    });
  });

  it('takes field filters out of the tree', () => {
    const parsed = parseQuery(
      'author:cohen type:report year:2013..2016 lang:ko place:"Jongo-ri" un',
    );
    expect(parsed.filters).toEqual([
      { field: 'author', value: 'cohen', negated: false },
      { field: 'type', value: 'report', negated: false },
      { field: 'year', value: '2013..2016', negated: false },
      { field: 'lang', value: 'ko', negated: false },
      { field: 'place', value: 'Jongo-ri', negated: false },
    ]);
    expect(words('author:cohen un')).toEqual(['un']);
  });

  it('treats an unknown field as words', () => {
    expect(words('foo:bar')).toEqual(['foo:bar']);
  });

  it('closes an unbalanced quote at the end and says so', () => {
    const parsed = parseQuery('"prison camps');
    expect(parsed.root).toMatchObject({ kind: 'phrase', text: 'prison camps' });
    expect(parsed.notes.map((n) => noteText(n)).join(' ')).toMatch(/quotation mark/);
  });

  it.each([
    ['NEAR(', []],
    ['*', []],
    ['"', []],
    ['-', []],
    [':', []],
    ['OR', []],
    ['a OR', ['a']],
    ['((a) b', ['a', 'b']],
    ['a ) b', ['a', 'b']],
    ['- - -', []],
  ])('survives stray operators: %s', (q, expected) => {
    expect(words(q)).toEqual(expected);
  });

  it('keeps only exclusions as exclusions (the service explains)', () => {
    expect(parseQuery('-china').root).toMatchObject({ kind: 'not' });
  });

  it('shortens a 10,000-character query and keeps at most the first words', () => {
    const parsed = parseQuery('word '.repeat(2000));
    expect(parsed.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(positiveLeaves(parsed.root)).toHaveLength(MAX_TERMS);
    expect(parsed.notes.map((n) => noteText(n)).join(' ')).toMatch(/shortened/);
    expect(parsed.notes.map((n) => noteText(n)).join(' ')).toMatch(/first 32 words/);
  });

  it('turns control characters and lone surrogates into separators', () => {
    expect(words('camp\u0000s\u0007x')).toEqual(['camp', 's', 'x']);
    expect(words('a\ud800b \udc00')).toEqual(['a\ufffdb']);
  });

  it('records where each word stands, for spelling corrections', () => {
    const parsed = parseQuery('author:x -no "a b" sanctoins*');
    const leaf = positiveLeaves(parsed.root).find((l) => l.text === 'sanctoins')!;
    expect(parsed.text.slice(leaf.span[0], leaf.span[1])).toBe('sanctoins');
  });
});
