import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BylinePerson,
  longDate,
  parseByline,
  personSlug,
  printedDate,
  sortNameOf,
} from './bylines.ts';

const author = (name: string, affiliation: string | null = null): BylinePerson => ({
  name,
  affiliation,
  credit: 'primary',
  role: 'author',
  task: null,
});

describe('bylines as printed on a listing', () => {
  it('reads a name with its printed affiliation', () => {
    expect(parseByline('Roberta Cohen, HRNK Co-Chair Emeritus')).toEqual([
      author('Roberta Cohen', 'HRNK Co-Chair Emeritus'),
    ]);
  });

  it('joins names by "and" as primary authors and after "with" as a secondary credit', () => {
    expect(parseByline('David Hawk with Amanda Mortwedt Oh')).toEqual([
      author('David Hawk'),
      { ...author('Amanda Mortwedt Oh'), credit: 'secondary' },
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
      author('Jane Doe', 'Senior Fellow'),
      author('John Roe', 'Director, Acme'),
    ]);
  });

  it('reads a role after a comma as one person’s role, not a second person', () => {
    expect(parseByline('By Jane Doe, Visiting Scholar')).toEqual([
      author('Jane Doe', 'Visiting Scholar'),
    ]);
    expect(parseByline('By Jane Doe, Visiting Scholar, and John Roe')).toEqual([
      author('Jane Doe', 'Visiting Scholar'),
      author('John Roe'),
    ]);
    expect(parseByline('Jane Doe, Director of Research and Policy, and John Roe')).toEqual([
      author('Jane Doe', 'Director of Research and Policy'),
      author('John Roe'),
    ]);
  });

  it('reads a role in parentheses', () => {
    expect(parseByline('Jane Doe (Visiting Scholar) & John Roe')).toEqual([
      author('Jane Doe', 'Visiting Scholar'),
      author('John Roe'),
    ]);
  });

  it('separates people by "and", "&", "·" and ";"', () => {
    for (const line of [
      'Jane Doe and John Roe',
      'Jane Doe & John Roe',
      'Jane Doe · John Roe',
      'Jane Doe; John Roe',
    ]) {
      expect(parseByline(line).map((p) => p.name)).toEqual(['Jane Doe', 'John Roe']);
    }
  });

  it('credits "research by" as a contributor who did research, not a person named so', () => {
    expect(parseByline('By Jane Doe, Visiting Scholar, with research by John Roe')).toEqual([
      author('Jane Doe', 'Visiting Scholar'),
      { ...author('John Roe'), credit: 'secondary', task: 'research' },
    ]);
  });

  it('credits "edited by" and "translated by" as editors and translators', () => {
    expect(parseByline('By Jane Doe and John Roe; edited by Mary Major')).toEqual([
      author('Jane Doe'),
      author('John Roe'),
      { ...author('Mary Major'), credit: 'secondary', role: 'editor' },
    ]);
    expect(parseByline('Edited by Mary Major, translated by Kim Jong-un')).toEqual([
      { ...author('Mary Major'), credit: 'secondary', role: 'editor' },
      { ...author('Kim Jong-un'), credit: 'secondary', role: 'translator' },
    ]);
  });

  it('keeps "by" inside a name or an affiliation as text', () => {
    expect(parseByline('Jane Doe, Stand by Me Foundation')).toEqual([
      author('Jane Doe', 'Stand by Me Foundation'),
    ]);
  });

  it('reads a Korean byline with its prefix, separators and titles in parentheses', () => {
    expect(parseByline('글: 홍길동(선임연구원)·김철수(연구위원)')).toEqual([
      author('홍길동', '선임연구원'),
      author('김철수', '연구위원'),
    ]);
    expect(parseByline('공저: 박지성·남궁민수')).toEqual([author('박지성'), author('남궁민수')]);
    expect(parseByline('홍길동 선임연구원')).toEqual([author('홍길동', '선임연구원')]);
  });

  it('reads Korean role words before a colon or after a name', () => {
    const translator = { ...author('김철수'), credit: 'secondary', role: 'translator' };
    expect(parseByline('글: 홍길동, 번역: 김철수')).toEqual([author('홍길동'), translator]);
    expect(parseByline('홍길동 글, 김철수 번역')).toEqual([author('홍길동'), translator]);
    expect(parseByline('연구: 이영희')).toEqual([
      { ...author('이영희'), credit: 'secondary', task: '연구' },
    ]);
  });

  it('keeps East Asian names in their order, family name first', () => {
    expect(parseByline('Kim Jong-un and Lee Shin-wha').map((p) => p.name)).toEqual([
      'Kim Jong-un',
      'Lee Shin-wha',
    ]);
  });

  it('sorts romanized Korean names written family name first by their family name', () => {
    expect(sortNameOf('Kim Jong-un')).toBe('Kim, Jong-un');
    expect(sortNameOf('Lee Shin-wha')).toBe('Lee, Shin-wha');
    expect(sortNameOf('Byun Chang-seop')).toBe('Byun, Chang-seop');
    expect(sortNameOf('Kim Jong Un')).toBe('Kim, Jong Un');
    // Western names that begin with a word that is also a Korean family name stay Western.
    expect(sortNameOf('Kim Jones')).toBe('Jones, Kim');
    expect(sortNameOf('Lee Ann Smith')).toBe('Smith, Lee Ann');
    expect(sortNameOf('Han Solo')).toBe('Solo, Han');
  });

  it('sorts Hangul names by their family name, compound family names whole', () => {
    expect(sortNameOf('김정은')).toBe('김, 정은');
    expect(sortNameOf('남궁민수')).toBe('남궁, 민수');
  });

  it('gives each Hangul name its own romanized address', () => {
    expect(personSlug('홍길동')).toBe('hong-gildong');
    expect(personSlug('김철수')).toBe('kim-cheolsu');
    expect(personSlug('남궁민수')).toBe('namgung-minsu');
    // Given names are romanized syllable by syllable, as the Revised Romanization asks.
    expect(personSlug('김복남')).toBe('kim-boknam');
    expect(personSlug('Roberta Cohen')).toBe('roberta-cohen');
  });

  it('never gives two names without a Latin form one shared address', () => {
    const slugs = ['金正恩', '習近平', '金日成'].map(personSlug);
    expect(new Set(slugs).size).toBe(3);
    expect(slugs.every((s) => /^person-[a-z0-9]+$/.test(s))).toBe(true);
    expect(personSlug('金正恩')).toBe(slugs[0]);
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

  it('reads back generated bylines: every person, role, credit and affiliation', () => {
    const names = fc.constantFrom(
      'Jane Doe',
      'John Roe',
      'Roberta Cohen',
      'Amanda Mortwedt Oh',
      'Joseph S. Bermudez Jr.',
      'Zoë Ångström',
      'Jean-Luc Marchand',
      'Ana de la Cruz',
      'Kim Jong-un',
      'Lee Shin-wha',
      '홍길동',
      '남궁민수',
    );
    const affiliations = fc.constantFrom(
      null,
      'Visiting Scholar',
      'Senior Fellow, HRNK',
      'HRNK Co-Chair Emeritus',
      'Director of Research and Policy',
      'Professor, Seoul National University',
      'Executive Director, Committee for Human Rights in North Korea',
      '선임연구원',
    );
    const person = fc.record({
      name: names,
      affiliation: affiliations,
      parens: fc.boolean(),
    });
    const people = fc.uniqueArray(person, { minLength: 1, maxLength: 4, selector: (p) => p.name });
    const joiner = fc.constantFrom(', ', ' and ', ' & ', ' · ', '; ');
    const groups = fc.record({
      authors: people,
      opening: fc.constantFrom('', 'By ', 'by '),
      joiner,
      oxford: fc.boolean(),
      more: fc.array(
        fc.record({
          phrase: fc.constantFrom(
            ' with ',
            ', with research by ',
            ' with research by ',
            '; edited by ',
            ', edited by ',
            '; translated by ',
          ),
          people,
          joiner,
        }),
        { maxLength: 2 },
      ),
    });
    const printed = (p: { name: string; affiliation: string | null; parens: boolean }) =>
      p.affiliation === null
        ? p.name
        : p.parens
          ? `${p.name} (${p.affiliation})`
          : `${p.name}, ${p.affiliation}`;
    const list = (
      ps: Array<{ name: string; affiliation: string | null; parens: boolean }>,
      j: string,
      oxford = false,
    ) => {
      // "A, B, and C" as well as "A and B and C".
      const items = ps.map(printed);
      if (oxford && j === ' and ' && items.length > 2)
        return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
      return items.join(j);
    };
    const meaning = (phrase: string) =>
      phrase.includes('research')
        ? { credit: 'secondary', role: 'author', task: 'research' }
        : phrase.includes('edited')
          ? { credit: 'secondary', role: 'editor', task: null }
          : phrase.includes('translated')
            ? { credit: 'secondary', role: 'translator', task: null }
            : { credit: 'secondary', role: 'author', task: null };
    fc.assert(
      fc.property(groups, (g) => {
        const line =
          g.opening +
          list(g.authors, g.joiner, g.oxford) +
          g.more.map((m) => m.phrase + list(m.people, m.joiner)).join('');
        const expected = [
          ...g.authors.map((p) => ({
            name: p.name,
            affiliation: p.affiliation,
            credit: 'primary',
            role: 'author',
            task: null,
          })),
          ...g.more.flatMap((m) =>
            m.people.map((p) => ({
              name: p.name,
              affiliation: p.affiliation,
              ...meaning(m.phrase),
            })),
          ),
        ];
        expect(parseByline(line), line).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('reads back generated Korean bylines with their prefixes and titles', () => {
    const names = fc.uniqueArray(
      fc.constantFrom('홍길동', '김철수', '이영희', '남궁민수', '박지성'),
      {
        minLength: 1,
        maxLength: 3,
      },
    );
    const title = fc.constantFrom(null, '선임연구원', '연구위원', '교수', '기자');
    const people = names.chain((ns) =>
      fc.tuple(...ns.map((n) => fc.record({ name: fc.constant(n), title }))),
    );
    const roles = {
      글: 'author',
      공저: 'author',
      번역: 'translator',
      연구: 'author',
      편집: 'editor',
    };
    const group = fc.record({
      word: fc.constantFrom(...(Object.keys(roles) as Array<keyof typeof roles>)),
      people,
      joiner: fc.constantFrom('·', ' · ', ', '),
    });
    fc.assert(
      fc.property(
        fc.array(group, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(', ', ' / ', ' '),
        (gs, apart) => {
          const line = gs
            .map(
              (g) =>
                `${g.word}: ${g.people.map((p) => (p.title ? `${p.name}(${p.title})` : p.name)).join(g.joiner)}`,
            )
            .join(apart);
          const expected = gs.flatMap((g) =>
            g.people.map((p) => ({
              name: p.name,
              affiliation: p.title,
              credit: g.word === '글' || g.word === '공저' ? 'primary' : 'secondary',
              role: roles[g.word],
              task: g.word === '연구' ? '연구' : null,
            })),
          );
          expect(parseByline(line), line).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
