import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import { type ImageRecord, imageText, pictureSources } from '../images.ts';

/**
 * Figures in Markdown. An editor places one of the piece's images with the image syntax and the
 * `figure:` scheme, alone in its paragraph:
 *
 *     ![Guard towers along the south fence](figure:12)
 *
 * It is ordinary Markdown (any editor, importer or diff shows it as an image), it needs no
 * block syntax that other tools would print as text, and the words in the brackets are only the
 * editor's reminder: the alt text, caption, credit, source and date come from the image record,
 * so they are written once and shown the same everywhere the image appears.
 *
 * Rendering is in two steps, because Markdown is rendered without the database (and long bodies
 * in a worker thread): the plugin leaves a marker `<figure data-figure="12"></figure>`, which
 * cannot come from the source (raw HTML is escaped), and `fillFigures` replaces each marker with
 * the figure when the publication is saved. A `figure:` image inside running text is not a
 * figure; its bracketed words are shown as text.
 */
export const figurePlugin = (md: InstanceType<typeof MarkdownIt>): void => {
  md.core.ruler.after('inline', 'figure_blocks', (state: StateCore) => {
    const tokens = state.tokens;
    const out: Token[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const open = tokens[i]!;
      const inline = tokens[i + 1];
      const close = tokens[i + 2];
      if (
        open.type === 'paragraph_open' &&
        inline?.type === 'inline' &&
        close?.type === 'paragraph_close'
      ) {
        const id = loneFigure(inline.children ?? []);
        if (id !== null) {
          const marker = new state.Token('html_block', '', 0);
          marker.content = `<figure data-figure="${id}"></figure>\n`;
          marker.map = open.map;
          out.push(marker);
          i += 2;
          continue;
        }
      }
      if (open.type === 'inline' && open.children) inlineFiguresAsText(open.children, state);
      out.push(open);
    }
    state.tokens = out;
  });
};

const FIGURE_SRC = /^figure:([1-9][0-9]{0,9})$/;

function figureId(token: Token): number | null {
  if (token.type !== 'image') return null;
  const match = FIGURE_SRC.exec(String(token.attrGet('src') ?? ''));
  return match ? Number(match[1]) : null;
}

/** The id when a paragraph holds one figure image and nothing else but spaces. */
function loneFigure(children: Token[]): number | null {
  const meaningful = children.filter((t) => !(t.type === 'text' && t.content.trim() === ''));
  return meaningful.length === 1 ? figureId(meaningful[0]!) : null;
}

function inlineFiguresAsText(children: Token[], state: StateCore): void {
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (figureId(child) === null) continue;
    const text = new state.Token('text', '', 0);
    text.content = child.content;
    children[i] = text;
  }
}

const MARKER = /<figure data-figure="([0-9]+)"><\/figure>\n?/g;

/** The figure ids a rendered body places, in order. */
export function figureMarkers(html: string): number[] {
  return [...html.matchAll(MARKER)].map((m) => Number(m[1]));
}

/**
 * The ids of the figures a filled body shows (what `fillFigures` wrote). A `figure:` reference
 * in running text or in code is in the Markdown but shows no figure: only this says what is
 * placed. The element cannot come from the source, whose raw HTML is escaped.
 */
export function shownFigureIds(html: string): number[] {
  return [...html.matchAll(/<figure class="figure" id="figure-([0-9]+)">/g)].map((m) =>
    Number(m[1]),
  );
}

/** The words around a figure, in the language of the body it is in. */
export interface FigureLabels {
  credit: string;
  source: string;
  taken: string;
  formatDate(isoDay: string): string;
  /** For satellite scenes: the link to the scene's page, and the note an illustrative one carries. */
  sceneLink?: string;
  illustrative?: string;
}

/** What a figure that is a satellite scene adds: its page, and whether it is illustrative. */
export interface FigureScene {
  href: string;
  illustrative: boolean;
}

/** The width the body column shows a figure at, for the browser's choice of copy. */
export const FIGURE_SIZES = '(min-width: 52rem) 48rem, 100vw';

/**
 * Replaces each marker with its figure, in the body's language. A marker whose image is not
 * given is dropped: `figureMarkers` lets the caller refuse such a body first.
 */
export function fillFigures(
  html: string,
  images: ReadonlyMap<number, ImageRecord>,
  locale: 'en' | 'ko',
  labels: FigureLabels,
  scenes: ReadonlyMap<number, FigureScene> = new Map(),
): string {
  return html.replace(MARKER, (_all, id: string) => {
    const image = images.get(Number(id));
    return image ? `${figureHtml(image, locale, labels, scenes.get(image.id))}\n` : '';
  });
}

export function figureHtml(
  image: ImageRecord,
  locale: 'en' | 'ko',
  labels: FigureLabels,
  scene?: FigureScene,
): string {
  const { alt, caption } = imageText(image, locale);
  const facts: string[] = [];
  if (scene?.illustrative && labels.illustrative) {
    facts.push(`<span class="figure-illustrative">${escapeHtml(labels.illustrative)}</span>`);
  }
  if (caption) facts.push(`<span class="figure-caption">${escapeHtml(caption)}</span>`);
  if (image.credit)
    facts.push(
      `<span class="figure-credit">${escapeHtml(labels.credit)} ${escapeHtml(image.credit)}</span>`,
    );
  if (image.source)
    facts.push(
      `<span class="figure-source">${escapeHtml(labels.source)} ${escapeHtml(image.source)}</span>`,
    );
  if (image.takenOn)
    facts.push(
      `<span class="figure-date">${escapeHtml(labels.taken)} <time datetime="${image.takenOn}">${escapeHtml(labels.formatDate(image.takenOn))}</time></span>`,
    );
  if (scene && labels.sceneLink) {
    facts.push(
      `<a class="figure-scene" href="${escapeHtml(scene.href)}">${escapeHtml(labels.sceneLink)}</a>`,
    );
  }
  const caption_ = facts.length > 0 ? `<figcaption>${facts.join(' ')}</figcaption>` : '';
  return `<figure class="figure" id="figure-${image.id}">${pictureHtml(image, alt, FIGURE_SIZES)}${caption_}</figure>`;
}

/** A `<picture>` with AVIF and WebP sources and the fallback, sized so nothing shifts as it loads. */
export function pictureHtml(
  image: Pick<ImageRecord, 'id' | 'width' | 'height' | 'fallbackType'>,
  alt: string,
  sizes: string,
  options: { maxWidth?: number; className?: string; lazy?: boolean } = {},
): string {
  const p = pictureSources(image, options.maxWidth);
  const sources = p.sources
    .map((s) => `<source type="${s.type}" srcset="${s.srcset}" sizes="${escapeHtml(sizes)}">`)
    .join('');
  const cls = options.className ? ` class="${escapeHtml(options.className)}"` : '';
  const loading = options.lazy === false ? '' : ' loading="lazy"';
  return `<picture>${sources}<img${cls} src="${p.fallback.src}" srcset="${p.fallback.srcset}" sizes="${escapeHtml(sizes)}" width="${p.width}" height="${p.height}" alt="${escapeHtml(alt)}"${loading} decoding="async"></picture>`;
}

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
