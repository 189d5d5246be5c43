import { describe, expect, it } from 'vitest';
import { languageTag, ProfileError, parseHtmlProfile, resolveLink } from './html-profile.ts';

const minimal = {
  name: 'site',
  lists: [{ container: 'main', entry: 'article', section: 'articles', sectionTitle: 'Articles' }],
  fields: { title: { card: 'h2' } },
};

function problems(raw: unknown): string[] {
  try {
    parseHtmlProfile(raw);
  } catch (error) {
    if (error instanceof ProfileError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseHtmlProfile', () => {
  it('accepts a profile with only the required fields', () => {
    expect(parseHtmlProfile(minimal).fields.title).toEqual({ card: 'h2' });
  });

  it('refuses a misspelt key with its path and the key it was meant to be', () => {
    expect(problems({ ...minimal, fields: { title: { detial: 'h1' } } })).toEqual([
      'fields.title.detial: unknown key (did you mean detail?)',
    ]);
    expect(
      problems({
        ...minimal,
        fields: { ...minimal.fields, body: [{ card: 'p' }, { detial: 'x' }] },
      }),
    ).toEqual(['fields.body.1.detial: unknown key (did you mean detail?)']);
    expect(
      problems({ ...minimal, fields: { ...minimal.fields, bdy: [{ detail: '.text' }] } }),
    ).toEqual(['fields.bdy: unknown key (did you mean body?)']);
    expect(problems({ ...minimal, lists: [{ ...minimal.lists[0], sectoin: 'x' }] })).toEqual([
      'lists.0.sectoin: unknown key (did you mean section?)',
    ]);
  });

  it('refuses the keys of the old profile shape by name, saying what replaced them', () => {
    expect(problems({ ...minimal, detail: { body: '.article-body' } })).toEqual([
      'detail: unknown key',
    ]);
    expect(problems({ ...minimal, fields: { ...minimal.fields, pdfLink: 'a.pdf@href' } })).toEqual([
      'fields.pdfLink: unknown key (did you mean pdf?)',
    ]);
  });

  it('refuses a type map to a type the archive does not have', () => {
    const raw = {
      ...minimal,
      fields: { ...minimal.fields, type: { select: { card: '.label' }, map: { Blog: 'blog' } } },
    };
    expect(problems(raw)[0]).toMatch(/^fields\.type\.map\.Blog: /);
  });
});

describe('resolveLink', () => {
  it('resolves a link against the page that holds it', () => {
    expect(resolveLink('../3/', 'page/2/index.html')).toBe('page/3/index.html');
    expect(resolveLink('../../publications/a/', 'page/2/index.html')).toBe(
      'publications/a/index.html',
    );
    expect(resolveLink('chart.png', 'publications/a/index.html')).toBe('publications/a/chart.png');
    expect(resolveLink('/files/x%20y.pdf', 'page/2/index.html')).toBe('files/x y.pdf');
  });

  it('reads links to the site’s own address from the folder, and keeps others as addresses', () => {
    const site = 'https://think.example.org/';
    expect(resolveLink('https://think.example.org/page/2/', 'index.html', site)).toBe(
      'page/2/index.html',
    );
    expect(resolveLink('https://elsewhere.example.net/x', 'index.html', site)).toBe(
      'https://elsewhere.example.net/x',
    );
    expect(resolveLink('#fn1', 'index.html')).toBeNull();
    expect(resolveLink('mailto:desk@example.org', 'index.html')).toBeNull();
  });

  it('cannot climb out of the folder', () => {
    expect(resolveLink('../../../../etc/passwd', 'a/index.html')).toBe('etc/passwd');
  });
});

describe('languageTag', () => {
  it.each([
    ['ko-KR', 'ko'],
    ['KO', 'ko'],
    ['en-US', 'en'],
    ['Korean', 'ko'],
    ['한국어', 'ko'],
    ['not a language', null],
  ])('%s → %s', (value, tag) => {
    expect(languageTag(value)).toBe(tag);
  });
});
