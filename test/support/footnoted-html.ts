import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { expect } from 'vitest';
import { renderMarkdown } from '../../src/core/markdown/markdown.ts';

/**
 * Footnoted documents, and the HTML shapes that sites, word processors and WordPress print them
 * in, for property tests of the conversion to Markdown. A document is paragraphs of words with
 * references to notes; each note is words, emphasis and links.
 */
export interface Segment {
  kind: 'text' | 'em' | 'strong' | 'link';
  text: string;
}

export interface FootnotedDoc {
  /** Each paragraph: words, and references by note index (0-based), in reading order. */
  paragraphs: Array<Array<string | { note: number }>>;
  notes: Segment[][];
}

/** Letters only: what a note, a paragraph and an emphasis start and end with. */
const LETTER_WORDS = ['alpha', 'Élan', 'naïve', '북한', '인권', '보고서', 'Zoë', 'camp', 'שלום'];
/** Words that trouble a Markdown writer: its own syntax, entities, odd Unicode. */
const ODD_WORDS = [
  'e\u0301te',
  '😀',
  '🇰🇷',
  'x*y',
  'a_b',
  '[1]',
  '[^2]',
  '\\',
  '`code`',
  '<tag>',
  '&amp;',
  'R&D',
  '&copy;',
  '#',
  '~~',
  '|',
  '^',
  '!',
  '2.',
  '1)',
  '\u00a0',
  '\u200b',
  '—',
  '“quoted”',
  'example.org',
  '수용소(정치범)',
];

const URLS = [
  'https://example.org/a',
  'https://www.example.net/report?id=3&lang=ko',
  '/files/x.pdf',
];

function words(avoid: RegExp | null): fc.Arbitrary<string> {
  const odd = avoid ? ODD_WORDS.filter((w) => !avoid.test(w)) : ODD_WORDS;
  const letters = fc.constantFrom(...LETTER_WORDS);
  return fc
    .tuple(letters, fc.array(fc.oneof(letters, fc.constantFrom(...odd)), { maxLength: 6 }), letters)
    .map(([a, middle, b]) => [a, ...middle, b].join(' '));
}

function note(avoid: RegExp | null): fc.Arbitrary<Segment[]> {
  const segment = fc.oneof(
    { weight: 3, arbitrary: words(avoid).map((text) => ({ kind: 'text' as const, text })) },
    { weight: 1, arbitrary: words(avoid).map((text) => ({ kind: 'em' as const, text })) },
    { weight: 1, arbitrary: words(avoid).map((text) => ({ kind: 'strong' as const, text })) },
    { weight: 1, arbitrary: words(avoid).map((text) => ({ kind: 'link' as const, text })) },
  );
  // A note opens with plain words, as notes do; the mark printed at its head is the note's own.
  return fc
    .tuple(words(avoid), fc.array(segment, { maxLength: 3 }))
    .map(([first, rest]) => [{ kind: 'text', text: first }, ...rest]);
}

/**
 * `repeats`: whether a note may be referred to again later (Word gives every reference its own
 * note, so its shape never repeats). `avoid`: words a shape cannot carry (WordPress's ((…))
 * shortcode cannot hold a parenthesis).
 */
export function footnotedDoc(
  options: { repeats?: boolean; avoid?: RegExp; maxNotes?: number } = {},
): fc.Arbitrary<FootnotedDoc> {
  const avoid = options.avoid ?? null;
  return fc
    .integer({ min: 1, max: options.maxNotes ?? 14 })
    .chain((count) =>
      fc.record({
        notes: fc.array(note(avoid), { minLength: count, maxLength: count }),
        repeats: options.repeats
          ? fc.array(fc.nat({ max: count - 1 }), { maxLength: 3 })
          : fc.constant([]),
        text: fc.array(words(avoid), { minLength: count + 3, maxLength: count + 3 }),
        breaks: fc.array(fc.boolean(), { minLength: count + 3, maxLength: count + 3 }),
      }),
    )
    .map(({ notes, repeats, text, breaks }) => {
      // Notes are numbered by their first reference; a repeat comes after every first.
      const order = [...notes.keys(), ...repeats];
      const paragraphs: FootnotedDoc['paragraphs'] = [[text[0] ?? 'alpha']];
      order.forEach((n, i) => {
        const current = paragraphs[paragraphs.length - 1]!;
        current.push({ note: n }, text[i + 1] ?? 'alpha');
        if (breaks[i] && i < order.length - 1) paragraphs.push([text[i + 2] ?? 'alpha']);
      });
      return { paragraphs, notes };
    });
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function noteHtml(segments: Segment[]): string {
  return segments
    .map((s, i) => {
      const t = escapeHtml(s.text);
      const url = URLS[i % URLS.length] ?? '';
      if (s.kind === 'em') return `<em>${t}</em>`;
      if (s.kind === 'strong') return `<strong>${t}</strong>`;
      if (s.kind === 'link') return `<a href="${escapeHtml(url)}">${t}</a>`;
      return t;
    })
    .join(' ');
}

export function noteText(segments: Segment[]): string {
  return normalize(segments.map((s) => s.text).join(' '));
}

/** Whitespace as a reader sees it: a no-break space is a space. */
export function normalize(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The body's paragraphs as HTML, each reference written by `ref` (note index, occurrence). */
export function bodyHtml(doc: FootnotedDoc, ref: (note: number, seen: number) => string): string {
  const seen = new Map<number, number>();
  return doc.paragraphs
    .map(
      (p) =>
        `<p>${p
          .map((part) => {
            if (typeof part === 'string') return escapeHtml(part);
            const k = seen.get(part.note) ?? 0;
            seen.set(part.note, k + 1);
            return ref(part.note, k);
          })
          .join('')}</p>`,
    )
    .join('\n');
}

/** Each reference's note index, in reading order. */
export function referenceOrder(doc: FootnotedDoc): number[] {
  return doc.paragraphs.flatMap((p) =>
    p.flatMap((part) => (typeof part === 'string' ? [] : [part.note])),
  );
}

/**
 * What a reader gets from the Markdown: the notes' texts in order, the note each reference links
 * to (by its index in that list), the labels the Markdown uses, and the kinds of block the text
 * holds outside the notes (a notes list left behind would show here as a list or a heading).
 */
export function readRendered(markdown: string): {
  notes: string[];
  references: number[];
  labels: string[];
  textBlocks: string[];
} {
  const $ = cheerio.load(renderMarkdown(markdown), null, false);
  const items = $('section.footnotes li.footnote-item').toArray();
  const ids = items.map((li) => $(li).attr('id'));
  const notes = items.map((li) => {
    const copy = $(li).clone();
    copy.find('a.footnote-backref').remove();
    return normalize(copy.text());
  });
  const references = $('sup.footnote-ref a')
    .toArray()
    .map((a) => ids.indexOf(($(a).attr('href') ?? '').slice(1)));
  const labels = [...markdown.matchAll(/(?<!\\)\[\^([^\]\s]+)\]/g)].map((m) => m[1] ?? '');
  const textBlocks = $.root()
    .children()
    .toArray()
    .filter((el) => !$(el).is('hr.footnotes-sep, section.footnotes'))
    .map((el) => (el as { name?: string }).name ?? '');
  return { notes, references, labels, textBlocks };
}

/** What every shape must come to: the notes in order, each reference linked to its own note. */
export function expectSameNotes(doc: FootnotedDoc, markdown: string): void {
  const read = readRendered(markdown);
  expect(read.notes).toEqual(doc.notes.map(noteText));
  expect(read.references).toEqual(referenceOrder(doc));
  for (const label of read.labels) {
    expect(Number(label)).toBeGreaterThanOrEqual(1);
    expect(Number(label)).toBeLessThanOrEqual(doc.notes.length);
  }
  expect(read.textBlocks.every((b) => b === 'p')).toBe(true);
}
