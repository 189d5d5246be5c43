import type { ChangeFeed } from '../../../core/change-feed.ts';
import { UnreadablePdfError } from '../../../core/errors.ts';
import { type JobHandler, PermanentJobError, payloadOf } from '../../../core/jobs.ts';
import { type ScanReader, scannedPages } from '../../../core/ocr-ports.ts';
import type { PdfTools } from '../../../core/pdf-ports.ts';
import type { Clock, FileStore } from '../../../core/ports.ts';
import type { Repositories } from '../../../core/repositories.ts';
import { PDF_EXTRACT_JOB } from '../files/attach-file.ts';
import { readAll } from '../files/read-all.ts';
import { addDerivedFile, jobSourceFile, storeMadeFile } from './derived-files.ts';
import { PDF_RECOGNIZE_JOB } from './pdf-recognize-job.ts';

export { PDF_EXTRACT_JOB };

export interface PdfExtractDeps {
  files: FileStore;
  clock: Clock;
  changes: ChangeFeed;
  pdf: PdfTools;
  repos: Pick<Repositories, 'files' | 'jobs'>;
  ocr?: ScanReader | null;
}

/** Thumbnails are drawn this wide; listings show them at half that on dense screens. */
export const THUMBNAIL_WIDTH = 320;

/**
 * Turns a stored PDF into page text, a page count, its own metadata, the language of its text
 * and a first-page thumbnail. The reading happens in the sandbox; everything it yields is
 * written in one transaction with the job's completion, together with the change notice that
 * lets the search index follow, so a crash leaves either all of it or none.
 */
export function pdfExtractHandler(deps: PdfExtractDeps): JobHandler {
  return {
    async run(job) {
      const { storedFileId, file } = await jobSourceFile(deps.repos, job);
      if (file.mediaType !== 'application/pdf') {
        throw new PermanentJobError(
          `Stored file ${storedFileId} is not a PDF (${file.mediaType}).`,
        );
      }
      await deps.repos.files.updateStoredFile(storedFileId, { extractionStatus: 'extracting' });
      const bytes = await readAll(deps.files.read(file.sha256));
      let result: Awaited<ReturnType<PdfTools['extract']>>;
      try {
        result = await deps.pdf.extract(bytes, { thumbnailWidth: THUMBNAIL_WIDTH });
      } catch (error) {
        if (error instanceof UnreadablePdfError && error.permanent) {
          throw new PermanentJobError(error.message);
        }
        throw error;
      }
      // The thumbnail's bytes land before the rows; if the transaction fails they stay as an
      // unreferenced file, never as a row pointing at nothing.
      const thumbnail = result.thumbnail
        ? await storeMadeFile(deps.files, result.thumbnail.bytes)
        : null;
      // Pages without a text layer are read in a job of their own, after this one has landed:
      // the text and the thumbnail do not wait for a scan's slower reading.
      const scanned = deps.ocr ? scannedPages(result.pages).length : 0;
      const metadata = {
        ...result.metadata,
        ...(result.thumbnailError ? { thumbnailError: result.thumbnailError } : {}),
        ...(scanned > 0 ? { recognizedText: { state: 'queued', scanned } } : {}),
      };
      return async (tx) => {
        const at = deps.clock.now().toISOString();
        await deps.repos.files.replacePages(storedFileId, result.pages, tx);
        if (scanned > 0) {
          await deps.repos.jobs.enqueueUnique(
            {
              kind: PDF_RECOGNIZE_JOB,
              payload: { storedFileId },
              uniqueKey: `${PDF_RECOGNIZE_JOB}:${storedFileId}`,
            },
            at,
            tx,
          );
        }
        if (thumbnail && result.thumbnail) {
          const { width, height } = result.thumbnail;
          await addDerivedFile(
            deps.repos,
            storedFileId,
            thumbnail,
            { purpose: 'thumbnail', mediaType: thumbnail.mediaType, width, height },
            at,
            tx,
          );
        }
        await deps.repos.files.updateStoredFile(
          storedFileId,
          {
            pageCount: result.pageCount,
            metadata,
            extractionStatus: 'done',
            extractionError: null,
          },
          tx,
        );
        await deps.changes.storedFileChanged(storedFileId, tx);
      };
    },

    async onFailed(job, reason, tx) {
      const { storedFileId } = payloadOf<{ storedFileId: number }>(job);
      await deps.repos.files.updateStoredFile(
        storedFileId,
        { extractionStatus: 'failed', extractionError: reason },
        tx,
      );
    },

    async onRetrying(job, reason, tx) {
      const { storedFileId } = payloadOf<{ storedFileId: number }>(job);
      await deps.repos.files.updateStoredFile(
        storedFileId,
        {
          extractionStatus: 'queued',
          extractionError: `Attempt ${job.attempts} of ${job.maxAttempts} failed and will be retried: ${reason}`,
        },
        tx,
      );
    },

    async onRequeued(job, tx) {
      const { storedFileId } = payloadOf<{ storedFileId: number }>(job);
      await deps.repos.files.updateStoredFile(
        storedFileId,
        { extractionStatus: 'queued', extractionError: null },
        tx,
      );
    },
  };
}
