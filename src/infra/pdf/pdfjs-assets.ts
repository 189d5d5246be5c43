import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where pdf.js keeps the data it loads at run time. Without the CMaps, CJK text in fonts with
 * predefined encodings (Korean reports made with older tools) comes out as nothing; without the
 * standard fonts, thumbnails of the many PDFs that do not embed Helvetica or Times lose their
 * text; without the WebAssembly decoders, JPEG 2000 and JBIG2 images fall back to slower code.
 */
const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export const PDFJS_ASSETS = {
  standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
  cMapUrl: `${join(root, 'cmaps')}/`,
  wasmUrl: `${join(root, 'wasm')}/`,
};
