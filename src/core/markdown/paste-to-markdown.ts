import TurndownService from 'turndown';

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
// Word and Pages mark footnote references with superscript anchors: keep them as [^n].
turndown.addRule('footnote-reference', {
  filter: (node) =>
    node.nodeName === 'SUP' && /^\[?\d{1,3}\]?$/.test(node.textContent?.trim() ?? ''),
  replacement: (content) => `[^${content.replace(/\D/g, '')}]`,
});
// Google Docs wraps everything in <b style="font-weight:normal"> — bold that is not bold.
turndown.addRule('fake-bold', {
  filter: (node) =>
    node.nodeName === 'B' &&
    /font-weight:\s*normal/.test((node as HTMLElement).getAttribute?.('style') ?? ''),
  replacement: (content) => content,
});

export function pasteToMarkdown(html: string): string {
  const withoutComments = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[if[\s\S]*?<!\[endif\]>/gi, '');
  return turndown
    .turndown(withoutComments)
    .replace(/\u00a0/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
