import type { ImageTools, ImageVariant } from '../../../core/image-ports.ts';
import { type JobHandler, PermanentJobError, payloadOf } from '../../../core/jobs.ts';
import type { Clock, FileStore, StoredBlob } from '../../../core/ports.ts';
import type { Repositories } from '../../../core/repositories.ts';
import { IMAGE_VARIANTS_JOB } from '../files/attach-file.ts';
import { readAll } from './read-all.ts';

export { IMAGE_VARIANTS_JOB };

export interface ImageVariantsDeps {
  repos: Pick<Repositories, 'files'>;
  files: FileStore;
  clock: Clock;
  images: ImageTools;
}

/**
 * Makes an uploaded image's display copies. The copies' bytes go to the store first; their rows
 * and the original's dimensions land in the job's completing transaction.
 */
export function imageVariantsHandler(deps: ImageVariantsDeps): JobHandler {
  return {
    async run(job) {
      const { storedFileId } = payloadOf<{ storedFileId: number }>(job);
      const file = await deps.repos.files.findStoredFile(storedFileId);
      if (!file) throw new PermanentJobError(`Stored file ${storedFileId} no longer exists.`);
      if (!file.mediaType.startsWith('image/')) {
        throw new PermanentJobError(`Stored file ${storedFileId} is not an image.`);
      }
      const made = await deps.images
        .makeVariants(await readAll(deps.files.read(file.sha256)))
        .catch((error: unknown) => {
          throw new PermanentJobError(
            `The image could not be resized: ${error instanceof Error ? error.message : error}`,
          );
        });
      const stored: Array<{ blob: StoredBlob; variant: ImageVariant }> = [];
      for (const v of made.variants) {
        const blob = await deps.files.put(once(v.bytes), { stripImageMetadata: false });
        stored.push({ blob, variant: v });
      }
      return async (tx) => {
        const at = deps.clock.now().toISOString();
        for (const { blob, variant } of stored) {
          const row = await deps.repos.files.ensureStoredFile(blob, at, tx);
          await deps.repos.files.addDerivative(
            {
              sourceFileId: storedFileId,
              fileId: row.id,
              purpose: 'display',
              mediaType: variant.mediaType,
              width: variant.width,
              height: variant.height,
            },
            at,
            tx,
          );
        }
        await deps.repos.files.updateStoredFile(
          storedFileId,
          { metadata: { width: made.width, height: made.height } },
          tx,
        );
      };
    },
  };
}

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}
