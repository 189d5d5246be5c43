import { PermanentJobError, payloadOf } from '../../../core/jobs.ts';
import type { FileStore, StoredBlob, Tx } from '../../../core/ports.ts';
import type { FileDerivativeRow } from '../../../core/repositories/files-repository.ts';
import type { Job } from '../../../core/repositories/jobs-repository.ts';
import type { Repositories } from '../../../core/repositories.ts';

/**
 * What the jobs that make files from a stored file (display copies, thumbnails) share: the file
 * they start from, and the way the files they make are stored and linked back to it.
 */
type FileRepos = Pick<Repositories, 'files'>;

/** The stored file a job's payload names; one deleted since the job was queued ends it for good. */
export async function jobSourceFile(repos: FileRepos, job: Job) {
  const { storedFileId } = payloadOf<{ storedFileId: number }>(job);
  const file = await repos.files.findStoredFile(storedFileId);
  if (!file) throw new PermanentJobError(`Stored file ${storedFileId} no longer exists.`);
  return { storedFileId, file };
}

/** Stores bytes made by a job as they are: they were made without metadata to strip. */
export function storeMadeFile(files: FileStore, bytes: Uint8Array): Promise<StoredBlob> {
  return files.put(
    (async function* () {
      yield bytes;
    })(),
    { stripImageMetadata: false },
  );
}

/** Links a stored file made by a job to the file it was made from. */
export async function addDerivedFile(
  repos: FileRepos,
  sourceFileId: number,
  made: StoredBlob,
  derived: Pick<FileDerivativeRow, 'purpose' | 'mediaType' | 'width' | 'height'>,
  at: string,
  tx: Tx,
): Promise<void> {
  const row = await repos.files.ensureStoredFile(made, at, tx);
  const { purpose, mediaType, width, height } = derived;
  await repos.files.addDerivative(
    { sourceFileId, fileId: row.id, purpose, mediaType, width, height },
    at,
    tx,
  );
}
