import type { ImageTools, ImageVariant } from '../../../core/image-ports.ts';
import { type JobHandler, PermanentJobError } from '../../../core/jobs.ts';
import type { Clock, FileStore, StoredBlob } from '../../../core/ports.ts';
import type { Repositories } from '../../../core/repositories.ts';
import { IMAGE_VARIANTS_JOB } from '../files/attach-file.ts';
import { readAll } from '../files/read-all.ts';
import { addDerivedFile, jobSourceFile, storeMadeFile } from './derived-files.ts';

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
      const { storedFileId, file } = await jobSourceFile(deps.repos, job);
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
        stored.push({ blob: await storeMadeFile(deps.files, v.bytes), variant: v });
      }
      return async (tx) => {
        const at = deps.clock.now().toISOString();
        for (const { blob, variant } of stored) {
          const { mediaType, width, height } = variant;
          await addDerivedFile(
            deps.repos,
            storedFileId,
            blob,
            { purpose: 'display', mediaType, width, height },
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
