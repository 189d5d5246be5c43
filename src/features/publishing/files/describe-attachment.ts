import type { Actor } from '../../../core/actor.ts';
import type { AuditTrail } from '../../../core/audit-trail.ts';
import type { ChangeFeed } from '../../../core/change-feed.ts';
import type { Attachment } from '../../../core/entities.ts';
import { NotFoundError } from '../../../core/errors.ts';
import type { Clock, Transactor } from '../../../core/ports.ts';
import type { Repositories } from '../../../core/repositories.ts';

export interface DescribeAttachmentDeps {
  repos: Pick<Repositories, 'files' | 'audit'>;
  transactor: Transactor;
  clock: Clock;
  audit: AuditTrail;
  changes: ChangeFeed;
}

/**
 * Sets the words that travel with a file: alt text (required for images before publishing),
 * caption and credit. A field left undefined keeps its value; an empty one clears it.
 */
export async function describeAttachment(
  deps: DescribeAttachmentDeps,
  attachmentId: number,
  text: { altText?: string | null; caption?: string | null; credit?: string | null },
  actor: Actor,
): Promise<Attachment> {
  const clean = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() || null);
  const changes = {
    ...(text.altText !== undefined ? { altText: clean(text.altText) } : {}),
    ...(text.caption !== undefined ? { caption: clean(text.caption) } : {}),
    ...(text.credit !== undefined ? { credit: clean(text.credit) } : {}),
  };
  return deps.transactor.transaction(async (tx) => {
    const attachment = await deps.repos.files.findAttachment(attachmentId, tx);
    if (!attachment) throw new NotFoundError('No such attachment');
    await deps.repos.files.describeAttachment(attachmentId, changes, tx);
    await deps.audit.record(
      actor,
      'attachment.describe',
      { type: 'publication', id: attachment.publicationId },
      { attachmentId, fileName: attachment.fileName, fields: Object.keys(changes) },
      tx,
    );
    await deps.changes.publicationChanged(attachment.publicationId, tx);
    return { ...attachment, ...changes } as Attachment;
  });
}
