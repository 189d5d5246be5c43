/** The scripts Dossier reads from scans: English and Korean (tesseract's language codes). */
export type OcrLanguage = 'eng' | 'kor';

/** Text recognized on one scanned page. */
export interface RecognizedText {
  /** Lines joined by '\n', paragraphs by a blank line. */
  text: string;
  /** The recognizer's mean confidence over the words it kept, 0–100; 0 when it found none. */
  confidence: number;
  words: number;
}

/**
 * Recognizes the text in an image of a page (PNG, JPEG or TIFF bytes). The implementation runs
 * in a child process under a time and memory limit; a page that breaks a limit is refused with
 * an error, never a crash.
 */
export interface TextRecognizer {
  recognize(image: Uint8Array, languages: readonly OcrLanguage[]): Promise<RecognizedText>;
}

/** A page of a PDF that had no text of its own, as recognized from its image. */
export interface ScannedPage {
  /** 1-based, as readers number pages. */
  page: number;
  text: string;
  confidence: number;
}

/**
 * Reads the pages of a PDF that carry no text layer: draws each one and recognizes its text, one
 * page at a time. A page that cannot be drawn or read is left out (its text stays empty); the
 * result says which pages were read.
 */
export interface ScanReader {
  readPages(pdf: Uint8Array, pages: readonly number[]): Promise<ScannedPage[]>;
}

/** A page whose own text has fewer letters than this is treated as a scan. */
export const SCANNED_PAGE_LETTERS = 20;
/** The most pages of one file that are recognized; the rest stay without text, and say so. */
export const OCR_PAGE_LIMIT = 300;

/** The pages (1-based) whose text layer is missing or too thin to be the page's text. */
export function scannedPages(pages: readonly string[]): number[] {
  const scanned: number[] = [];
  pages.forEach((text, i) => {
    if ((text.match(/\p{L}/gu)?.length ?? 0) < SCANNED_PAGE_LETTERS) scanned.push(i + 1);
  });
  return scanned;
}
