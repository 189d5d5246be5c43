import { describe, expect, it } from 'vitest';
import { autop, wordpressToMarkdown } from './wp-content.ts';

describe('WordPress content as Markdown', () => {
  it('turns blank-line paragraphs into paragraphs, as WordPress shows them', () => {
    expect(autop('One\nline two\n\n<h2>Head</h2>\n\nThree')).toBe(
      '<p>One<br>\nline two</p>\n\n<h2>Head</h2>\n\n<p>Three</p>',
    );
    expect(wordpressToMarkdown('First paragraph.\n\nSecond paragraph.')).toBe(
      'First paragraph.\n\nSecond paragraph.',
    );
  });

  it('keeps a [caption] image with its alt text and caption', () => {
    const md = wordpressToMarkdown(
      '[caption id="a" width="300"]<img src="https://x.org/a.jpg" alt="A camp" /> Seen in 2016[/caption]',
    );
    expect(md).toBe('![A camp](https://x.org/a.jpg)\n\nSeen in 2016');
  });

  it('turns footnote plugins’ shortcodes into numbered footnotes', () => {
    expect(wordpressToMarkdown('A claim.((A source.)) Another.[ref]Second source.[/ref]')).toBe(
      'A claim.[^1] Another.[^2]\n\n[^1]: A source.\n[^2]: Second source.',
    );
  });

  it('drops galleries and page-builder wrappers but keeps their text', () => {
    expect(wordpressToMarkdown('[gallery ids="1,2"]\n\n[su_box]Inside[/su_box]')).toBe('Inside');
  });

  it('keeps preformatted text as it is', () => {
    expect(wordpressToMarkdown('<pre>line 1\n\nline 2</pre>')).toContain('line 1\n\nline 2');
  });
});
