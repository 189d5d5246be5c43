import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bodyHtml,
  expectSameNotes,
  type FootnotedDoc,
  footnotedDoc,
  noteHtml,
} from '../../../test/support/footnoted-html.ts';
import { autop, wordpressToMarkdown } from './wp-content.ts';

/** A post's raw content: paragraphs apart by blank lines, as WordPress stores them. */
function rawContent(doc: FootnotedDoc, ref: (note: number, seen: number) => string): string {
  return bodyHtml(doc, ref)
    .split('\n')
    .map((p) => p.replace(/^<p>|<\/p>$/g, ''))
    .join('\n\n');
}

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

  it('keeps the notes of every WordPress shape in order, each reference linked to its note', () => {
    const shortcode = (open: string, close: string) => (doc: FootnotedDoc) =>
      [rawContent(doc, (n) => `${open}${noteHtml(doc.notes[n] ?? [])}${close}`), ''] as const;
    const block = (doc: FootnotedDoc) => {
      const id = (n: number) => `0c1d2e3f-${String(n).padStart(4, '0')}`;
      const body = bodyHtml(
        doc,
        (n) =>
          `<sup data-fn="${id(n)}" class="fn"><a href="#${id(n)}" id="${id(n)}-link">${n + 1}</a></sup>`,
      )
        .split('\n')
        .map((p) => `<!-- wp:paragraph -->\n${p}\n<!-- /wp:paragraph -->`)
        .join('\n\n');
      const meta = doc.notes.map((s, n) => ({ id: id(n), content: noteHtml(s) }));
      return [`${body}\n\n<!-- wp:footnotes /-->`, JSON.stringify(meta)] as const;
    };
    const classic = (doc: FootnotedDoc) => {
      const body = rawContent(doc, (n) => `<sup><a href="#fn${n + 1}">${n + 1}</a></sup>`);
      const items = doc.notes.map(
        (s, n) => `<li id="fn${n + 1}">${noteHtml(s)} <a href="#r">↩</a></li>`,
      );
      return [`${body}\n\n<ol class="footnotes">${items.join('')}</ol>`, ''] as const;
    };
    const shapes = [
      { html: shortcode('((', '))'), repeats: false, avoid: /[()]/ },
      { html: shortcode('[ref]', '[/ref]'), repeats: false, avoid: /\[\/?ref\]/ },
      { html: block, repeats: false, avoid: undefined },
      { html: classic, repeats: true, avoid: undefined },
    ];
    for (const shape of shapes) {
      fc.assert(
        fc.property(footnotedDoc({ repeats: shape.repeats, avoid: shape.avoid }), (doc) => {
          const [content, meta] = shape.html(doc);
          expectSameNotes(doc, wordpressToMarkdown(content, meta));
        }),
        { numRuns: 20 },
      );
    }
  });
});
