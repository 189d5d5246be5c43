import type { Actor } from '../../../core/actor.ts';
import type { AuditTrail } from '../../../core/audit-trail.ts';
import type { ChangeFeed } from '../../../core/change-feed.ts';
import type { StoredFile } from '../../../core/entities.ts';
import { NotFoundError, ValidationError } from '../../../core/errors.ts';
import type { PdfMetadata, PdfTools } from '../../../core/pdf-ports.ts';
import type { Clock, FileStore, Transactor } from '../../../core/ports.ts';
import type { Repositories } from '../../../core/repositories.ts';
import { PDF_EXTRACT_JOB } from './attach-file.ts';
import { type IdentifyingField, identifyingFields } from './pdf-metadata.ts';

export interface PdfMetadataReport {
  attachmentId: number;
  fileName: string;
  extractionStatus: StoredFile['extractionStatus'];
  /** Null until extraction has read the file. */
  metadata: PdfMetadata | null;
  /** What the editor should look at before publishing; empty when the file says nothing. */
  identifying: IdentifyingField[];
}

/**
 * What a PDF attachment says about its making (author, creator tool, producer, XMP), as
 * extraction read it, for the editor to review before publishing.
 */
export async function reportPdfMetadata(
  deps: { repos: Pick<Repositories, 'files'> },
  attachmentId: number,
): Promise<PdfMetadataReport> {
  const { attachment, file } = await pdfAttachment(deps, attachmentId);
  const metadata =
    file.extractionStatus === 'done' && file.metadata
      ? (file.metadata as unknown as PdfMetadata)
      : null;
  return {
    attachmentId,
    fileName: attachment.fileName,
    extractionStatus: file.extractionStatus,
    metadata,
    identifying: metadata ? identifyingFields(metadata) : [],
  };
}

export interface RemovePdfMetadataDeps {
  repos: Pick<Repositories, 'files' | 'jobs' | 'audit'>;
  transactor: Transactor;
  clock: Clock;
  audit: AuditTrail;
  files: FileStore;
  changes: ChangeFeed;
  pdf: PdfTools;
}

/** The attachment and its stored file, which must be a PDF. */
async function pdfAttachment(deps: { repos: Pick<Repositories, 'files'> }, attachmentId: number) {
  const attachment = await deps.repos.files.findAttachment(attachmentId);
  if (!attachment) throw new NotFoundError('No such attachment');
  const file = await deps.repos.files.findStoredFile(attachment.storedFileId);
  if (!file) throw new NotFoundError('The attachment has no stored file');
  if (file.mediaType !== 'application/pdf') {
    throw new ValidationError(`${attachment.fileName} is not a PDF`);
  }
  return { attachment, file };
}

/**
 * Rewrites a PDF attachment without its metadata and points the attachment at the clean copy,
 * which is extracted again like any new file. The original stays in the store (other
 * attachments or revisions may use the same bytes) but is no longer served through this
 * attachment. The audit trail records which entries went, never their values.
 */
export async function removePdfMetadata(
  deps: RemovePdfMetadataDeps,
  attachmentId: number,
  actor: Actor,
  options: { keepTitle?: boolean } = {},
): Promise<{ storedFileId: number; sha256: string; removed: string[] }> {
  const { attachment, file: original } = await pdfAttachment(deps, attachmentId);
  const chunks: Uint8Array[] = [];
  for await (const chunk of deps.files.read(original.sha256)) chunks.push(chunk);
  const stripped = await deps.pdf.stripMetadata(new Uint8Array(Buffer.concat(chunks)), options);
  const blob = await deps.files.put(
    (async function* () {
      yield stripped.bytes;
    })(),
  );
  const at = deps.clock.now().toISOString();
  return deps.transactor.transaction(async (tx) => {
    const file = await deps.repos.files.ensureStoredFile(blob, at, tx);
    await deps.repos.files.replaceAttachmentFile(attachmentId, file.id, tx);
    if (file.extractionStatus === 'none') {
      await deps.repos.files.updateStoredFile(file.id, { extractionStatus: 'queued' }, tx);
      await deps.repos.jobs.enqueue(
        { kind: PDF_EXTRACT_JOB, payload: { storedFileId: file.id } },
        at,
        tx,
      );
    }
    await deps.audit.record(
      actor,
      'attachment.metadata.remove',
      { type: 'publication', id: attachment.publicationId },
      {
        attachmentId,
        fileName: attachment.fileName,
        removed: stripped.removed,
        fromSha256: original.sha256,
        toSha256: blob.sha256,
      },
      tx,
    );
    await deps.changes.publicationChanged(attachment.publicationId, tx);
    return { storedFileId: file.id, sha256: blob.sha256, removed: stripped.removed };
  });
}
