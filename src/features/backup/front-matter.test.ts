import { describe, expect, it } from 'vitest';
import { frontMatter } from './front-matter.ts';

describe('front matter', () => {
  it('writes every string as a quoted scalar and skips empty fields', () => {
    expect(
      frontMatter({
        title: 'a: b # c',
        none: null,
        list: [],
        people: [{ name: 'X', role: 'author' }],
      }),
    ).toBe('---\ntitle: "a: b # c"\npeople:\n  - name: "X"\n    role: "author"\n---\n');
  });
});
