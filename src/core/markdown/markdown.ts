import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { linearFootnoteTail } from './markdown-footnotes.ts';

/**
 * Markdown to HTML for bodies, summaries and bios. Raw HTML in the source is shown as text, never
 * passed through, and markdown-it refuses javascript:, vbscript: and data: links, so whatever an
 * editor or an importer stores cannot put script on a page. Footnotes link both ways.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false }).use(footnote);
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

export function renderMarkdown(source: string): string {
  return md.render(source);
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
