import { createCanvas } from '@napi-rs/canvas';
import { getDocument, PDFDateString } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfExtraction, PdfMetadata } from '../../core/pdf-ports.ts';
import { detectLanguage } from './detect-language.ts';
import { pageText, type TextPiece } from './page-text.ts';
import { PDFJS_ASSETS } from './pdfjs-assets.ts';

/** What one read returns: the whole document, or a run of its pages (see `ReadOptions.pages`). */
export interface PdfPart extends Omit<PdfExtraction, 'metadata'> {
  firstPage: number;
  /** Null for a part that does not start at page 1. */
  metadata: PdfMetadata | null;
}

/** Raised inside the reader for a document whose text is beyond what the archive accepts. */
export class TooMuchTextError extends Error {
  override name = 'TooMuchTextError';
}

export interface ReadOptions {
  thumbnailWidth: number | null;
  maxTextChars: number;
  /**
   * Read only these pages (1-based, inclusive; clipped to the document). The metadata, language
   * and thumbnail come with the part that starts at page 1; the others carry text alone.
   */
  pages?: { from: number; to: number };
}

const MAX_FIELD = 2_000;
const MAX_CUSTOM = 50;
/** A thumbnail is at most this many times as tall as it is wide (a banner PDF stays small). */
const MAX_ASPECT = 4;

/**
 * Reads a PDF with pdf.js: the text of each page, the page count, the document's own metadata,
 * the language of its text and a thumbnail of its first page. Runs inside the sandbox process
 * (pdf-worker-main.ts); a hostile file can exhaust only that process.
 */
export async function readPdf(bytes: Uint8Array, options: ReadOptions): Promise<PdfPart> {
  const doc = await getDocument({
    data: bytes,
    ...PDFJS_ASSETS,
    cMapPacked: true,
    // pdf.js can compile font programs with eval; a hostile font must not reach a compiler.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    let chars = 0;
    const from = Math.max(1, options.pages?.from ?? 1);
    const to = Math.min(doc.numPages, options.pages?.to ?? doc.numPages);
    for (let n = from; n <= to; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = pageText(content.items.flatMap((i): TextPiece[] => ('str' in i ? [i] : [])));
      chars += text.length;
      if (chars > options.maxTextChars) {
        throw new TooMuchTextError(
          `The PDF holds more than ${options.maxTextChars.toLocaleString('en')} characters of text`,
        );
      }
      pages.push(text);
      page.cleanup();
    }
    const first = from === 1;
    const metadata = first ? await readMetadata(doc) : null;
    if (metadata) metadata.detectedLanguage = detectLanguage(pages.join('\n'));
    let thumbnail: PdfExtraction['thumbnail'] = null;
    let thumbnailError: string | null = null;
    if (first && options.thumbnailWidth && doc.numPages > 0) {
      try {
        thumbnail = await renderThumbnail(doc, options.thumbnailWidth);
      } catch (error) {
        // The text is what the archive needs most; a page that cannot be drawn loses only its
        // picture, and the reason is kept.
        thumbnailError = error instanceof Error ? error.message : String(error);
      }
    }
    return { pageCount: doc.numPages, firstPage: from, pages, metadata, thumbnail, thumbnailError };
  } finally {
    await doc.destroy();
  }
}

type Doc = Awaited<ReturnType<typeof getDocument>['promise']>;

async function readMetadata(doc: Doc): Promise<PdfMetadata> {
  const { info, metadata } = await doc.getMetadata();
  const dict = (info ?? {}) as Record<string, unknown>;
  const text = (key: string) => clip(dict[key]);
  const custom: Record<string, string> = {};
  const customDict = dict.Custom;
  if (customDict && typeof customDict === 'object') {
    for (const [key, value] of Object.entries(customDict).slice(0, MAX_CUSTOM)) {
      const v = clip(value);
      if (v !== null) custom[key] = v;
    }
  }
  const xmp: Record<string, string> = {};
  if (metadata) {
    const entries = [...(metadata as Iterable<[string, unknown]>)].slice(0, MAX_CUSTOM);
    for (const [key, value] of entries) {
      const v = clip(Array.isArray(value) ? value.join('; ') : value);
      if (v !== null) xmp[key] = v;
    }
  }
  return {
    title: text('Title'),
    author: text('Author'),
    subject: text('Subject'),
    keywords: text('Keywords'),
    creator: text('Creator'),
    producer: text('Producer'),
    creationDate: pdfDate(text('CreationDate')),
    modificationDate: pdfDate(text('ModDate')),
    pdfVersion: text('PDFFormatVersion'),
    custom,
    hasXmp: metadata !== null && metadata !== undefined,
    xmp,
    declaredLanguage: text('Language'),
    detectedLanguage: null,
  };
}

function clip(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const s = String(value).trim();
  return s === '' ? null : s.slice(0, MAX_FIELD);
}

function pdfDate(raw: string | null): string | null {
  if (raw === null) return null;
  const date = PDFDateString.toDateObject(raw);
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : raw;
}

async function renderThumbnail(
  doc: Doc,
  width: number,
): Promise<NonNullable<PdfExtraction['thumbnail']>> {
  const page = await doc.getPage(1);
  const natural = page.getViewport({ scale: 1 });
  const scale = Math.min(width / natural.width, (width * MAX_ASPECT) / natural.height);
  const viewport = page.getViewport({ scale });
  const w = Math.max(1, Math.round(viewport.width));
  const h = Math.max(1, Math.round(viewport.height));
  const canvas = createCanvas(w, h);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, w, h);
  await page.render({
    canvas: null,
    canvasContext: context as unknown as CanvasRenderingContext2D,
    viewport,
  }).promise;
  const encoded = await canvas.encode('webp', 80);
  page.cleanup();
  return { bytes: new Uint8Array(encoded), mediaType: 'image/webp', width: w, height: h };
}
