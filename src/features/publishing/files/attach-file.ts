import type { Actor } from '../../../core/actor.ts';
import type { AuditTrail } from '../../../core/audit-trail.ts';
import type { ChangeFeed } from '../../../core/change-feed.ts';
import type { AttachmentRole } from '../../../core/content-types.ts';
import type { Attachment, StoredFile } from '../../../core/entities.ts';
import { NotFoundError, ValidationError } from '../../../core/errors.ts';
import { fileUrlName, keptFileName } from '../../../core/file-name.ts';
import type { Clock, FileStore, Transactor } from '../../../core/ports.ts';
import type { Repositories } from '../../../core/repositories.ts';

export interface AttachFileDeps {
  repos: Pick<Repositories, 'publications' | 'files' | 'jobs' | 'audit'>;
  transactor: Transactor;
  clock: Clock;
  audit: AuditTrail;
  files: FileStore;
  changes: ChangeFeed;
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/avif': 'avif',
};

/** The job kind that turns a stored PDF into page text, a page count and a thumbnail. */
export const PDF_EXTRACT_JOB = 'pdf.extract';
/** The job kind that makes an image's resized WebP and AVIF copies. */
export const IMAGE_VARIANTS_JOB = 'image.variants';

/**
 * Streams a file into the store, then records it against the publication. The bytes land
 * first (under their hash, atomically); the rows follow in one transaction, so a crash leaves at
 * worst an unreferenced file, never a row pointing at nothing. A PDF queues its extraction, an
 * image its resized copies. Images lose their EXIF/GPS metadata in the store unless
 * `keepImageMetadata` says otherwise, and an image added to a published piece needs alt text.
 */
export async function attachFile(
  deps: AttachFileDeps,
  input: {
    publicationId: number;
    source: AsyncIterable<Uint8Array>;
    fileName: string;
    role: AttachmentRole;
    title?: string | null;
    altText?: string | null;
    caption?: string | null;
    credit?: string | null;
    maxBytes?: number;
    keepImageMetadata?: boolean;
  },
  actor: Actor,
): Promise<{ attachment: Attachment; file: StoredFile }> {
  const publication = await deps.repos.publications.findById(input.publicationId);
  if (!publication) throw new NotFoundError('No such publication');
  const blob = await deps.files.put(input.source, {
    maxBytes: input.maxBytes,
    stripImageMetadata: input.keepImageMetadata !== true,
  });
  if (input.role === 'main-pdf' && blob.mediaType !== 'application/pdf') {
    throw new ValidationError('The main file of a publication must be a PDF');
  }
  const altText = input.altText?.trim() || null;
  if (publication.status === 'published' && blob.mediaType.startsWith('image/') && !altText) {
    throw new ValidationError(
      `Add alt text to the image ${input.fileName}: this publication is published`,
      [{ path: 'altText', message: 'Alt text is required' }],
    );
  }
  const at = deps.clock.now().toISOString();
  // The name as uploaded is kept for people; its address is derived from it (fileUrlName).
  const fileName = keptFileName(input.fileName, EXTENSIONS[blob.mediaType] ?? 'bin');
  const urlName = fileUrlName(fileName);
  return deps.transactor.transaction(async (tx) => {
    const file = await deps.repos.files.ensureStoredFile(blob, at, tx);
    const existing = await deps.repos.files.attachmentsOf([publication.id], tx);
    const taken = existing.find((a) => fileUrlName(a.fileName) === urlName);
    if (taken) {
      throw new ValidationError(
        taken.fileName === fileName
          ? `This publication already has a file named ${fileName}`
          : `This publication already has a file at the address ${urlName} (${taken.fileName}): rename the file and upload it again`,
      );
    }
    const attachment = await deps.repos.files.attach(
      {
        publicationId: publication.id,
        storedFileId: file.id,
        role: input.role,
        fileName,
        title: input.title ?? null,
        altText,
        caption: input.caption?.trim() || null,
        credit: input.credit?.trim() || null,
        position: existing.length,
      },
      at,
      tx,
    );
    if (file.mediaType === 'application/pdf' && file.extractionStatus === 'none') {
      await deps.repos.files.updateStoredFile(file.id, { extractionStatus: 'queued' }, tx);
      await deps.repos.jobs.enqueue(
        { kind: PDF_EXTRACT_JOB, payload: { storedFileId: file.id } },
        at,
        tx,
      );
    }
    if (
      file.mediaType.startsWith('image/') &&
      (await deps.repos.files.derivativesOf(file.id, tx)).length === 0
    ) {
      await deps.repos.jobs.enqueueUnique(
        {
          kind: IMAGE_VARIANTS_JOB,
          payload: { storedFileId: file.id },
          uniqueKey: `${IMAGE_VARIANTS_JOB}:${file.id}`,
        },
        at,
        tx,
      );
    }
    await deps.audit.record(
      actor,
      'attachment.create',
      { type: 'publication', id: publication.id },
      { fileName, sha256: blob.sha256, bytes: blob.byteSize },
      tx,
    );
    await deps.changes.publicationChanged(publication.id, tx);
    const fresh = await deps.repos.files.findStoredFile(file.id, tx);
    return { attachment, file: fresh ?? file };
  });
}
