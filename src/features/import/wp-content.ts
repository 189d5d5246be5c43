import * as cheerio from 'cheerio';
import { pasteToMarkdown } from '../../core/markdown/paste-to-markdown.ts';

/**
 * A WordPress post's stored content as clean Markdown. WordPress keeps raw content: paragraphs
 * are blank lines (its `wpautop` adds the <p> tags only when a page is shown), images sit in
 * [caption] shortcodes, and footnotes come in three shapes — the footnotes block of WordPress
 * 6.3+ (`<sup data-fn>` with the notes in the `footnotes` post meta), the classic anchors to an
 * `<ol class="footnotes">`, and the ((…)) / [ref] shortcodes of footnote plugins. The block's and
 * the shortcodes' notes are written out as classic anchors to a list of notes, so that one reader
 * — the conversion of pasted HTML (`pasteToMarkdown`) — turns every shape into Markdown footnotes
 * ([^1] … [^1]: text), together with headings, lists, quotes, links and images.
 */
export function wordpressToMarkdown(content: string, footnotesMeta = ''): string {
  const notes: string[] = [];
  const withShortcodes = shortcodes(content, notes);
  const html = autop(withShortcodes);
  const $ = cheerio.load(html, null, false);
  blockFootnotes($, footnotesMeta, notes);
  const list = notes.map((n, i) => `<li id="wp-note-${i + 1}">${n}</li>`).join('');
  return pasteToMarkdown(notes.length > 0 ? `${$.html()}<ol>${list}</ol>` : $.html());
}

/** A note's reference as the classic shape, pointing at the list written after the text. */
function noteAnchor(n: number): string {
  return `<sup><a href="#wp-note-${n}">${n}</a></sup>`;
}

/** Plain text of an excerpt or a short HTML field. */
export function wordpressToPlainText(html: string): string {
  const $ = cheerio.load(autop(shortcodes(html, [])), null, false);
  return $.text().replace(/\s+/g, ' ').trim();
}

const FOOTNOTE_SHORTCODES = /\[(ref|efn_note|footnote|fn)\]([\s\S]*?)\[\/\1\]|\(\(([^()]+?)\)\)/gi;
const DROPPED_SHORTCODES =
  /\[(gallery|playlist|audio|video|contact-form[\w-]*)\b[^\]]*\](?:[\s\S]*?\[\/\1\])?/gi;
const WRAPPING_SHORTCODES =
  /\[\/?(?:su_\w+|vc_\w+|et_pb_\w+|column\w*|row|one_half\w*|one_third\w*|two_third\w*|one_fourth\w*|three_fourth\w*)\b[^\]]*\]/gi;

function shortcodes(content: string, notes: string[]): string {
  const marker = (text: string) => {
    notes.push(text.trim());
    return noteAnchor(notes.length);
  };
  return content
    .replace(FOOTNOTE_SHORTCODES, (_m, _tag, shortcode?: string, parens?: string) =>
      marker(shortcode ?? parens ?? ''),
    )
    .replace(/\[caption\b[^\]]*\]([\s\S]*?)\[\/caption\]/gi, (_m, inner: string) => {
      const match = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner);
      if (!match) return inner;
      const caption = (match[2] ?? '').trim();
      return `\n\n<figure>${match[1]}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>\n\n`;
    })
    .replace(
      /\[embed\b[^\]]*\]\s*(https?:\/\/[^\s[]+)\s*\[\/embed\]/gi,
      (_m, url: string) => `\n\n<p><a href="${url}">${url}</a></p>\n\n`,
    )
    .replace(DROPPED_SHORTCODES, '')
    .replace(WRAPPING_SHORTCODES, '');
}

const BLOCK =
  /^<(?:p|div|h[1-6]|ul|ol|li|dl|dd|dt|blockquote|pre|table|thead|tbody|tr|td|th|figure|figcaption|hr|address|section|article|aside|header|footer|form|fieldset|details|summary|iframe|script|style|!--)\b/i;

/**
 * WordPress's wpautop, reduced to what matters for conversion: text runs separated by a blank
 * line become paragraphs, single line breaks inside them become <br>. Blocks that already are
 * HTML block elements are left alone. <pre> keeps its line breaks.
 */
export function autop(content: string): string {
  const text = content.replace(/\r\n?/g, '\n');
  if (!text.trim()) return '';
  const pres: string[] = [];
  const guarded = text.replace(/<pre\b[\s\S]*?<\/pre>/gi, (m) => {
    pres.push(m);
    return `\uE000PRE${pres.length - 1}\uE000`;
  });
  const blocks = guarded.split(/\n\s*\n/);
  const out = blocks
    .map((block) => block.trim())
    .filter((block) => block.length > 0)
    .map((block) => {
      if (/^\uE000PRE\d+\uE000$/.test(block) || BLOCK.test(block)) return block;
      return `<p>${block.replace(/\n/g, '<br>\n')}</p>`;
    })
    .join('\n\n');
  return out.replace(/\uE000PRE(\d+)\uE000/g, (_m, i: string) => pres[Number(i)] ?? '');
}

type $ = cheerio.CheerioAPI;

/** WordPress 6.3's footnotes block: `<sup data-fn="id">` markers, notes in the post meta. */
function blockFootnotes($: $, meta: string, notes: string[]): void {
  const markers = $('sup[data-fn]');
  if (markers.length === 0) return;
  let listed: Array<{ id: string; content: string }> = [];
  try {
    const parsed: unknown = JSON.parse(meta || '[]');
    if (Array.isArray(parsed)) {
      listed = parsed.filter(
        (n): n is { id: string; content: string } =>
          typeof n?.id === 'string' && typeof n?.content === 'string',
      );
    }
  } catch {
    listed = [];
  }
  markers.each((_i, el) => {
    const id = $(el).attr('data-fn') ?? '';
    const note = listed.find((n) => n.id === id);
    if (!note) return;
    notes.push(note.content);
    $(el).replaceWith(noteAnchor(notes.length));
  });
  // The block's own rendered list, if the export kept it, would repeat the notes.
  $('ol.wp-block-footnotes').remove();
}
