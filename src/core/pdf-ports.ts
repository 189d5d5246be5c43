import type { PdfMetadata } from '../features/publishing/files/pdf-metadata.ts';

/** What reading a PDF yields. Everything here came out of a sandboxed process. */
export interface PdfExtraction {
  pageCount: number;
  /** Text of each page, in order; an empty string for a page without text. */
  pages: string[];
  metadata: PdfMetadata;
  /** The first page, rendered small; null when it could not be drawn (see thumbnailError). */
  thumbnail: { bytes: Uint8Array; mediaType: string; width: number; height: number } | null;
  thumbnailError: string | null;
}

export interface StrippedPdf {
  bytes: Uint8Array;
  /** The entries that were taken out, by name (`Author`, `XMP`, …). */
  removed: string[];
}

/**
 * Reads and rewrites untrusted PDFs. The implementation runs them in child processes with a
 * memory and time limit; a file that breaks a limit is an UnreadablePdfError, never a crash.
 */
export interface PdfTools {
  extract(bytes: Uint8Array, options?: { thumbnailWidth?: number | null }): Promise<PdfExtraction>;
  stripMetadata(bytes: Uint8Array, options?: { keepTitle?: boolean }): Promise<StrippedPdf>;
}
