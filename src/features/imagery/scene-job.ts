import type { ChangeFeed } from '../../core/change-feed.ts';
import { type JobHandler, PermanentJobError, payloadOf } from '../../core/jobs.ts';
import type { Clock, StoredBlob, Tx } from '../../core/ports.ts';
import type { Repositories } from '../../core/repositories.ts';
import type { SceneTools, StoredVariant } from '../../core/scene-ports.ts';
import { SCENE_PREPARE_JOB } from './add-scene.ts';

export { SCENE_PREPARE_JOB };

export interface ScenePrepareDeps {
  repos: Pick<Repositories, 'files' | 'images' | 'scenes'>;
  scenes: SceneTools;
  clock: Clock;
  changes: ChangeFeed;
}

/**
 * Makes what a scene shows the public, from its stored original: the static IIIF tiles (on disk,
 * under the original's hash), the public download (pixels and georeferencing, no other
 * metadata) and the display copies of its still. The bytes are made first; the rows that point
 * at them land in the job's completing transaction, so a scene has tiles in the database only
 * once they are all on disk.
 */
export function scenePrepareHandler(deps: ScenePrepareDeps): JobHandler {
  return {
    async run(job) {
      const { imageId } = payloadOf<{ imageId: number }>(job);
      const image = await deps.repos.images.find(imageId);
      if (!image) throw new PermanentJobError(`Scene ${imageId} no longer exists.`);
      const file = await deps.repos.files.findStoredFile(image.storedFileId);
      if (!file) throw new PermanentJobError(`The file of scene ${imageId} no longer exists.`);
      const fail = (what: string) => (error: unknown) => {
        throw new PermanentJobError(
          `The scene's ${what} could not be made: ${error instanceof Error ? error.message : error}`,
        );
      };
      const tiles = await deps.scenes.makeTiles(file.sha256).catch(fail('tiles'));
      const download = await deps.scenes.makePublicCopy(file.sha256).catch(fail('public copy'));
      const variants = await deps.scenes.makeVariants(file.sha256).catch(fail('display copies'));
      return async (tx) => {
        const at = deps.clock.now().toISOString();
        const size = { width: image.width, height: image.height };
        await derive(deps, file.id, download, { purpose: 'scene-download', ...size }, at, tx);
        for (const v of variants) await derive(deps, file.id, v.blob, v, at, tx);
        await deps.repos.scenes.setTiles(imageId, tiles, download.sha256, at, tx);
        // Now public if its piece is: the index, stored pages and caches hear it.
        await deps.changes.publicationChanged(image.publicationId!, tx);
      };
    },
  };
}

async function derive(
  deps: ScenePrepareDeps,
  sourceFileId: number,
  blob: StoredBlob,
  made: { purpose: 'scene-download'; width: number; height: number } | StoredVariant,
  at: string,
  tx: Tx,
): Promise<void> {
  const row = await deps.repos.files.ensureStoredFile(blob, at, tx);
  const purpose = 'purpose' in made ? made.purpose : 'display';
  const mediaType = 'mediaType' in made ? made.mediaType : blob.mediaType;
  const { width, height } = made;
  await deps.repos.files.addDerivative(
    { sourceFileId, fileId: row.id, purpose, mediaType, width, height },
    at,
    tx,
  );
}
