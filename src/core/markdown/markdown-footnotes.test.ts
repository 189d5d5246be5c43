import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { describe, expect, it } from 'vitest';
import { publicationInput } from '../schemas.ts';
import { renderMarkdown } from './markdown.ts';
import { linearFootnoteTail, MAX_FOOTNOTES } from './markdown-footnotes.ts';

/** A report body with `n` paragraphs, each citing its own note, and the notes at the end. */
function reportWithNotes(n: number): string {
  const paragraphs: string[] = [];
  const notes: string[] = [];
  for (let i = 1; i <= n; i++) {
    paragraphs.push(`Witness ${i} described the camp's routine.[^${i}]`);
    notes.push(`[^${i}]: Interview ${i}, Seoul, 2014.`);
  }
  return `${paragraphs.join('\n\n')}\n\n${notes.join('\n\n')}`;
}

/** CPU time of one render, in milliseconds: other processes on the machine do not count. */
function cpuMs(source: string): number {
  const start = process.cpuUsage();
  renderMarkdown(source);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

describe('footnotes', () => {
  it('renders twice the notes in at most 2.5 times the time', () => {
    const single = reportWithNotes(2000);
    const double = reportWithNotes(4000);
    renderMarkdown(single);
    renderMarkdown(double);
    // Interleaved, best of five: a pause in one round does not decide the ratio.
    const ratio = () => {
      let a = Number.POSITIVE_INFINITY;
      let b = Number.POSITIVE_INFINITY;
      for (let round = 0; round < 5; round++) {
        a = Math.min(a, cpuMs(single));
        b = Math.min(b, cpuMs(double));
      }
      return b / a;
    };
    // A busy machine or a collection can push one measure past the line; quadratic time (the
    // plugin's own step) is far past it every time, so three tries are allowed.
    let best = ratio();
    for (let attempt = 1; attempt < 3 && best > 2.5; attempt++) best = Math.min(best, ratio());
    expect(best).toBeLessThanOrEqual(2.5);
  }, 60_000);

  it('renders exactly what markdown-it-footnote renders', () => {
    const options = { html: false, linkify: true, typographer: false };
    const upstream = new MarkdownIt(options).use(footnote);
    const linear = new MarkdownIt(options).use(footnote);
    linear.core.ruler.at('footnote_tail', linearFootnoteTail);
    const label = fc.constantFrom('1', '2', 'a', 'note', 'x y', '');
    const piece = fc.oneof(
      fc.constantFrom('Words. ', '*stress* ', '\n\n', '\n', '    code\n', '> ', '- ', '`[^1]` '),
      label.map((l) => `[^${l}]`),
      label.map((l) => `\n\n[^${l}]: `),
      label.map((l) => `\n[^${l}]:\n    Indented second paragraph.\n`),
      fc.constantFrom('^[An inline note.]', '^[Nested [^1] reference]', '^['),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const source = pieces.join('');
        expect(linear.render(source, {})).toBe(upstream.render(source, {}));
      }),
      { numRuns: 500 },
    );
  });

  it(`refuses a body with more than ${MAX_FOOTNOTES.toLocaleString('en')} notes, saying so`, () => {
    const base = { sectionId: 1, slug: 'report', type: 'report', title: 'Report' } as const;
    expect(
      publicationInput.safeParse({ ...base, body: reportWithNotes(MAX_FOOTNOTES) }).success,
    ).toBe(true);
    const over = publicationInput.safeParse({
      ...base,
      body: `${reportWithNotes(MAX_FOOTNOTES)}\n\nOne more.^[The last straw.]`,
    });
    expect(over.success).toBe(false);
    expect(over.error?.issues).toEqual([
      expect.objectContaining({
        path: ['body'],
        message: 'At most 20,000 footnotes; this text has 20,001',
      }),
    ]);
  });
});
