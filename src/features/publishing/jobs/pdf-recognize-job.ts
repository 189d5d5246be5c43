import type { ChangeFeed } from '../../../core/change-feed.ts';
import { type JobHandler, payloadOf } from '../../../core/jobs.ts';
import { OCR_PAGE_LIMIT, type ScanReader, scannedPages } from '../../../core/ocr-ports.ts';
import type { FileStore } from '../../../core/ports.ts';
import type { Repositories } from '../../../core/repositories.ts';
import { readAll } from '../files/read-all.ts';
import { jobSourceFile } from './derived-files.ts';

export const PDF_RECOGNIZE_JOB = 'pdf.recognize';

/** Recognized text below this confidence is mostly noise (a map, a photograph): it is not kept. */
const MIN_OCR_CONFIDENCE = 50;

export interface PdfRecognizeDeps {
  repos: Pick<Repositories, 'files'>;
  files: FileStore;
  changes: ChangeFeed;
  ocr?: ScanReader | null;
}

/** What a file's metadata says of its scanned pages (`recognizedText`). */
export interface RecognizedTextSummary {
  state: 'queued' | 'done';
  /** Pages without a text layer of their own. */
  scanned: number;
  engine?: 'tesseract' | null;
  /** The pages whose text was recognized, with the reader's confidence (0–100). */
  pages?: Array<{ page: number; confidence: number }>;
  /** Scanned pages left without text: over the limit, unreadable, or no reader here. */
  unread?: number;
}

/**
 * Reads the pages of a PDF that have no text of their own (queued by the extraction job once the
 * text layer has landed) and gives them the recognized text, in one transaction with the change
 * notice, so that search, page hits and snippets take it like any text. Which pages were
 * recognized, and with what confidence, goes into the file's metadata: every reader of the text
 * can tell it was recognized, not written.
 */
export function pdfRecognizeHandler(deps: PdfRecognizeDeps): JobHandler {
  return {
    async run(job) {
      const { storedFileId, file } = await jobSourceFile(deps.repos, job);
      const texts = await deps.repos.files.pagesOf(storedFileId);
      const scanned = scannedPages(texts);
      const asked = scanned.slice(0, OCR_PAGE_LIMIT);
      const bytes =
        asked.length > 0 && deps.ocr ? await readAll(deps.files.read(file.sha256)) : null;
      const read = bytes && deps.ocr ? await deps.ocr.readPages(bytes, asked) : [];
      const kept = read.filter((p) => p.confidence >= MIN_OCR_CONFIDENCE);
      const pages = texts.slice();
      for (const { page, text } of kept) pages[page - 1] = text;
      const summary: RecognizedTextSummary = {
        state: 'done',
        scanned: scanned.length,
        engine: deps.ocr ? 'tesseract' : null,
        pages: kept.map(({ page, confidence }) => ({ page, confidence })),
        unread: scanned.length - kept.length,
      };
      return async (tx) => {
        if (kept.length > 0) await deps.repos.files.replacePages(storedFileId, pages, tx);
        await deps.repos.files.updateStoredFile(
          storedFileId,
          { metadata: { ...(file.metadata ?? {}), recognizedText: summary } },
          tx,
        );
        await deps.changes.storedFileChanged(storedFileId, tx);
      };
    },

    async onFailed(job, reason, tx) {
      const { storedFileId } = payloadOf<{ storedFileId: number }>(job);
      const file = await deps.repos.files.findStoredFile(storedFileId, tx);
      if (!file) return;
      const before = (file.metadata?.recognizedText ?? {}) as Partial<RecognizedTextSummary>;
      await deps.repos.files.updateStoredFile(
        storedFileId,
        {
          metadata: {
            ...(file.metadata ?? {}),
            recognizedText: { ...before, state: 'done', error: reason },
          },
        },
        tx,
      );
    },
  };
}
