import type { AppContext } from '../../../core/app-context.ts';
import { fileUrlName } from '../../../core/file-name.ts';
import { fileStateLabel } from '../../../ui/admin/labels.ts';
import { reportPdfMetadata } from '../files/pdf-source-protection.ts';
import type { FileStatus } from '../views/files-panel.tsx';

/** A stored file's extraction state as the panel names it: the job's words, not the column's. */
function stateOf(extractionStatus: string): string {
  if (extractionStatus === 'none') return 'stored';
  return extractionStatus === 'extracting' ? 'running' : extractionStatus;
}

/** "Korean" for "ko": the detected language in words, or the tag when it has no English name. */
function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames('en', { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Where the back office shows a file's first-page thumbnail: staff only, like the file. */
export function thumbnailPath(publicationId: number, attachmentId: number): string {
  return `/admin/publications/${publicationId}/files/${attachmentId}/thumbnail`;
}

/**
 * A publication's files as the editor sees them, and as files.json reports them: each with its
 * state in words, its pages, the language found in its text and its thumbnail once made.
 */
export async function fileStatuses(app: AppContext, publicationId: number): Promise<FileStatus[]> {
  const files = await app.repos.files.attachmentsOf([publicationId]);
  return Promise.all(
    files.map(async (f): Promise<FileStatus> => {
      const pdf = f.file.mediaType === 'application/pdf';
      const status = stateOf(f.file.extractionStatus);
      const detected = f.file.metadata?.detectedLanguage;
      const thumbnail = pdf
        ? (await app.repos.files.derivativesOf(f.storedFileId)).some(
            (d) => d.purpose === 'thumbnail',
          )
        : false;
      return {
        attachmentId: f.id,
        altText: f.altText,
        caption: f.caption,
        credit: f.credit,
        mediaType: f.file.mediaType,
        identifying: pdf ? (await reportPdfMetadata(app, f.id)).identifying : [],
        fileName: f.fileName,
        urlName: fileUrlName(f.fileName),
        path: null,
        role: f.role,
        status,
        statusLabel: fileStateLabel(status),
        settled: status !== 'queued' && status !== 'running',
        error: f.file.extractionError,
        pageCount: f.file.pageCount,
        language: typeof detected === 'string' && detected ? detected : null,
        languageLabel: typeof detected === 'string' && detected ? languageName(detected) : null,
        thumbnailUrl: thumbnail ? thumbnailPath(publicationId, f.id) : null,
        byteSize: f.file.byteSize,
      };
    }),
  );
}

/** The thumbnail of an attachment's PDF, if the extraction made one. */
export async function thumbnailOf(app: AppContext, storedFileId: number) {
  const thumbnail = (await app.repos.files.derivativesOf(storedFileId)).find(
    (d) => d.purpose === 'thumbnail',
  );
  return thumbnail ? app.repos.files.findStoredFile(thumbnail.fileId) : undefined;
}
