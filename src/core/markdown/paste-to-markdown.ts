import * as cheerio from 'cheerio';
import TurndownService from 'turndown';
import { markBareReferences, markersToReferences, readHtmlFootnotes } from './html-footnotes.ts';

/**
 * Pasted HTML from Word, Google Docs or Pages, as clean Markdown. Their style sheets, class
 * soup, comments and scripts are dropped (the seed site's "p.p1 {margin…}" junk came from
 * exactly such a paste); headings, lists, quotes, links, emphasis and footnotes survive.
 */
const turndown = new TurndownService({
  headingStyle: 'atx',
  bulletListMarker: '-',
  codeBlockStyle: 'fenced',
  emDelimiter: '*',
});
turndown.remove([
  'style',
  'script',
  'meta',
  'link',
  'title',
  'head',
  'noscript',
  'iframe',
  'object',
  'form',
]);
// Text that reads as an entity ("&copy;") must stay text: the renderer would decode it.
const escapeMarkdown = turndown.escape.bind(turndown);
turndown.escape = (text: string) => escapeMarkdown(text).replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
// Google Docs wraps everything in <b style="font-weight:normal"> — bold that is not bold.
turndown.addRule('fake-bold', {
  filter: (node) =>
    node.nodeName === 'B' &&
    /font-weight:\s*normal/.test((node as HTMLElement).getAttribute?.('style') ?? ''),
  replacement: (content) => content,
});

/**
 * Footnotes, in whatever shape the page printed them (see `readHtmlFootnotes`), become Markdown
 * footnotes with their definitions, numbered in the order they are first referred to. `notes` is
 * the HTML of a list of notes kept apart from the text (an importer's notes selector).
 */
export function pasteToMarkdown(html: string, options: { notes?: string } = {}): string {
  const source = withoutComments(html) + (options.notes ? withoutComments(options.notes) : '');
  const $ = cheerio.load(source.replace(/[\uE001\uE002]/g, ''), null, false);
  const notes = readHtmlFootnotes($);
  if (notes.length === 0) markBareReferences($);
  const body = convert($.html());
  if (notes.length === 0) return body;
  // One conversion for all the notes, apart by a mark no text holds: a report has thousands.
  const converted = convert(notes.map((note) => `<div>${note.html}</div>`).join(NOTE_BREAK)).split(
    /\s*\uE002\s*/,
  );
  const definitions = notes.map((_note, i) => definition(i + 1, converted[i] ?? ''));
  return `${body}\n\n${definitions.join('\n')}`;
}

const NOTE_BREAK = '<p>\uE002</p>';

function convert(html: string): string {
  return markersToReferences(turndown.turndown(html))
    .replace(/\u00a0/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A note of several paragraphs continues on lines indented by four spaces. */
function definition(n: number, markdown: string): string {
  const [first = '', ...rest] = markdown.split('\n');
  return [`[^${n}]: ${first}`, ...rest.map((line) => (line ? `    ${line}` : ''))].join('\n');
}

/**
 * Comments and Word's conditional blocks go, except Word's footnote marks, which it prints
 * inside `<![if !supportFootnotes]>[1]<![endif]>`.
 */
function withoutComments(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[if !support(?:Foot|End)notes\]>([\s\S]*?)<!\[endif\]>/gi, '$1')
    .replace(/<!\[if[\s\S]*?<!\[endif\]>/gi, '');
}
