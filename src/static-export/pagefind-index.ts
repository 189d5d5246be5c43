import * as pagefind from 'pagefind';
import { hangulSuffixes } from './hangul-substrings.ts';

/** What the search index is given of each page: the reading text inside <main>. */
const PAGEFIND_CONFIG = {
  rootSelector: 'main',
  // Breadcrumbs, pagination, the locator map and citation forms are not what a reader searches.
  excludeSelectors: ['nav', 'svg', 'form', '.cite-block'],
};

/** Marks the start of the extra Korean words in a record; the search script hides what follows. */
export const EXTRA_WORDS_MARK = '\u2042';

/**
 * A Pagefind index filled page by page while the export renders, so that no page has to be kept
 * in memory; `finish` returns the bundle (index, WebAssembly and scripts) as files.
 *
 * With `koreanSubstrings`, each page's *indexed* HTML (never the exported page) ends with a
 * paragraph of Hangul suffixes after a ⁂ mark, so that inner Korean words are found.
 */
export class PagefindBuilder {
  private chain: Promise<unknown> = Promise.resolve();
  private failure: Error | null = null;
  pages = 0;

  private constructor(
    private readonly index: pagefind.PagefindIndex,
    private readonly koreanSubstrings: boolean,
  ) {}

  static async start(options: { koreanSubstrings: boolean }): Promise<PagefindBuilder> {
    const { index, errors } = await pagefind.createIndex(PAGEFIND_CONFIG);
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    return new PagefindBuilder(index, options.koreanSubstrings);
  }

  private readonly waiting = new Map<number, { url: string; html: string; words: string } | null>();
  private nextTurn = 0;
  private queued = 0;

  /**
   * Adds the page that holds turn `turn` (0, 1, 2…): pages render concurrently, but Pagefind
   * numbers pages in the order it receives them and its file names follow, so pages are handed
   * over in turn order to keep an unchanged archive's index byte-identical. `html: null` gives
   * up a turn (a page that did not render).
   */
  add(turn: number, url: string, html: string | null, words = ''): void {
    this.waiting.set(turn, html === null ? null : { url, html, words });
    for (;;) {
      const page = this.waiting.get(this.nextTurn);
      if (page === undefined) return;
      this.waiting.delete(this.nextTurn++);
      if (page !== null) this.send(page.url, withWords(page.html, page.words));
    }
  }

  /**
   * Resolves once at most `max` pages wait for Pagefind, so that rendering, which is faster,
   * does not pile pages up in memory.
   */
  async backlog(max: number): Promise<void> {
    while (this.queued > max) await this.chain;
  }

  private send(url: string, html: string): void {
    const content = this.koreanSubstrings ? withSubstrings(html) : html;
    this.queued++;
    this.chain = this.chain.then(async () => {
      this.queued--;
      const added = await this.index.addHTMLFile({ url, content });
      if (added.errors.length > 0) {
        this.failure ??= new Error(`Pagefind refused ${url}: ${added.errors.join('; ')}`);
      }
      this.pages++;
    });
  }

  async finish(): Promise<Array<{ path: string; content: Uint8Array }>> {
    try {
      await this.chain;
      if (this.waiting.size > 0) throw new Error('Pagefind: a page never took its turn');
      if (this.failure) throw this.failure;
      const { files, errors } = await this.index.getFiles();
      if (errors.length > 0) throw new Error(`Pagefind failed: ${errors.join('; ')}`);
      return files;
    } finally {
      await this.index.deleteIndex().catch(() => {});
    }
  }
}

/** Stops Pagefind's background process, so that a command can exit. */
export async function closePagefind(): Promise<void> {
  await pagefind.close();
}

/**
 * The page's indexed HTML with the words the server's index holds beyond its text (names in
 * every language and spelling, place words, PDF text) after a ⁂ mark, which the search script
 * hides from excerpts.
 */
export function withWords(html: string, words: string): string {
  if (words.trim() === '') return html;
  // A function, so that a "$&" in a PDF's text is not read as a replacement pattern.
  return html.replace('</main>', () => `<p>${EXTRA_WORDS_MARK} ${escapeText(words)}</p></main>`);
}

function escapeText(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function withSubstrings(html: string): string {
  const main = /<main\b[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
  const text = main.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ');
  const extra = hangulSuffixes(text);
  if (extra.length === 0) return html;
  return html.replace('</main>', `<p>${EXTRA_WORDS_MARK} ${extra.join(' ')}</p></main>`);
}
