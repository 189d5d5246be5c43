/**
 * What a PDF says about itself, as read from its document information dictionary and its XMP
 * packet. These fields often name the person or the machine that made the file, which matters
 * when the file came from a source who must stay unknown.
 */
export interface PdfMetadata {
  title: string | null;
  author: string | null;
  subject: string | null;
  keywords: string | null;
  creator: string | null;
  producer: string | null;
  /** ISO-8601 when the PDF's date parses, else the raw string. */
  creationDate: string | null;
  modificationDate: string | null;
  pdfVersion: string | null;
  /** Entries of the information dictionary beyond the standard ones. */
  custom: Record<string, string>;
  hasXmp: boolean;
  /** XMP properties as pdf.js reads them (dc:creator, xmp:creatortool, …). */
  xmp: Record<string, string>;
  /** The language the document declares for itself (catalog /Lang), if any. */
  declaredLanguage: string | null;
  /** The language detected from the text (BCP 47), or null when there is too little text. */
  detectedLanguage: string | null;
}

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
