import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/app-context.ts';
import type { Attachment, StoredFile } from '../../../core/entities.ts';

export const FILE_READ_ACTION = 'file.read';

/**
 * The original bytes of a file, for staff. Every such read is written to the audit trail first,
 * with who read it, from where, and the hash of what they read: the chain of custody of a piece
 * of evidence goes on past its upload (`attachment.create` records who added it, from where and
 * with what hash). Public downloads of public files are not recorded: anyone may read those, and
 * the archive keeps no log of its readers.
 */
export async function readOriginal(
  app: Pick<AppContext, 'audit' | 'files'>,
  attachment: Attachment & { file: StoredFile },
  actor: Actor,
  via: 'back office' | 'api',
): Promise<AsyncIterable<Uint8Array>> {
  const { file } = attachment;
  await app.audit.record(
    actor,
    FILE_READ_ACTION,
    { type: 'publication', id: attachment.publicationId },
    { fileName: attachment.fileName, sha256: file.sha256, bytes: file.byteSize, via },
  );
  return app.files.read(file.sha256);
}
