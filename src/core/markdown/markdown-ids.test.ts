import { describe, expect, it } from 'vitest';
import { headFootnotes, renderMarkdown } from './markdown.ts';

const WITH_NOTE = 'Kyo-hwa-so No. 12 flooded.[^1]\n\n[^1]: See the imagery of 2 August.';

function ids(html: string): string[] {
  return [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
}

describe('footnote ids of blocks sharing a page', () => {
  it('gives a summary and a body with notes no id in common, each linking to its own note', () => {
    const summary = renderMarkdown(WITH_NOTE, { idPrefix: 'summary' });
    const body = renderMarkdown(WITH_NOTE);
    expect(ids(summary).filter((id) => ids(body).includes(id))).toEqual([]);
    for (const html of [summary, body]) {
      for (const [, target] of html.matchAll(/href="#([^"]+)"/g)) {
        expect(ids(html)).toContain(target);
      }
    }
  });

  it('heads the notes section in the language and at the level asked, escaped', () => {
    const html = headFootnotes(renderMarkdown(WITH_NOTE), '주 <notes>', 3);
    expect(html).toContain(
      '<section class="footnotes"><h3 class="footnotes-heading">주 &lt;notes&gt;</h3>',
    );
    expect(headFootnotes('<p>No notes.</p>', 'Notes')).toBe('<p>No notes.</p>');
  });
});
