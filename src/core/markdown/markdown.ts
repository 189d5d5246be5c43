import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { figurePlugin } from './markdown-figures.ts';
import { linearFootnoteTail } from './markdown-footnotes.ts';

/**
 * Markdown to HTML for bodies, summaries and bios. Raw HTML in the source is shown as text, never
 * passed through, and markdown-it refuses javascript:, vbscript: and data: links, so whatever an
 * editor or an importer stores cannot put script on a page. Footnotes link both ways.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false })
  .use(footnote)
  .use(figurePlugin);
// The plugin gathers the notes in quadratic time; the same step in linear time replaces it.
md.core.ruler.at('footnote_tail', linearFootnoteTail);

// Pages never load anything from another site: readers may be on watched networks, and an image
// from elsewhere tells its owner who read what. An image whose address is not on this site is
// shown as a link to it instead.
const defaultImage = md.renderer.rules.image!;
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const src = String(token.attrGet('src') ?? '');
  if (src.startsWith('/') && !src.startsWith('//'))
    return defaultImage(tokens, idx, options, env, self);
  const alt = token.children
    ? self.renderInlineAsText(token.children, options, env)
    : token.content;
  return `<a href="${md.utils.escapeHtml(src)}" rel="external noopener">${md.utils.escapeHtml(alt || src)}</a>`;
};

/**
 * `idPrefix` names this block's notes apart from the others' on the same page: a summary and a
 * body that both have notes would otherwise both hold `fn1`, and the body's note would jump to
 * the summary's. With the prefix "summary" the ids are `fn-summary-1` and `fnref-summary-1`.
 */
export function renderMarkdown(source: string, options: { idPrefix?: string } = {}): string {
  return md.render(source, options.idPrefix ? { docId: options.idPrefix } : {});
}

/**
 * Gives the notes' `<section>` a heading, in the reader's language, at the level the page needs:
 * a section without one is an outline hole (the validator says so), and a screen reader user
 * jumping by headings finds the notes. The body is rendered once for every language, so the
 * heading goes in when the page is put together.
 */
export function headFootnotes(html: string, heading: string, level: 2 | 3 | 4 = 2): string {
  const escaped = md.utils.escapeHtml(heading);
  return html.replace(
    '<section class="footnotes">',
    `<section class="footnotes"><h${level} class="footnotes-heading">${escaped}</h${level}>`,
  );
}

/** Inline Markdown (no paragraphs), for one-line fields such as captions. */
export function renderInlineMarkdown(source: string): string {
  return md.renderInline(source);
}

/** Plain text of a Markdown source, for summaries, feeds and the search index. */
export function markdownToText(source: string): string {
  return renderMarkdown(source)
    .replace(/<sup class="footnote-ref">.*?<\/sup>/g, '')
    .replace(/<a href="#fnref[^"]*" class="footnote-backref">.*?<\/a>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
