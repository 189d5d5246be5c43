import type { ChangeFeed } from '../../core/change-feed.ts';
import type { Clock, Transactor } from '../../core/ports.ts';
import type { Repositories } from '../../core/repositories.ts';
import type { SceneTools } from '../../core/scene-ports.ts';
import { SCENE_PREPARE_JOB } from './add-scene.ts';

/**
 * Tiles are derived files kept beside the store, not in it, so an export leaves them out and a
 * restore (or a lost disk) has none. Each scene whose tiles are missing is hidden until they are
 * made again (no page then names files that are not there), and its prepare job is queued.
 * Returns how many scenes wait for their tiles.
 */
export async function rebuildMissingTiles(deps: {
  repos: Pick<Repositories, 'scenes' | 'jobs'>;
  scenes: SceneTools;
  transactor: Transactor;
  clock: Clock;
  changes: ChangeFeed;
}): Promise<number> {
  let queued = 0;
  for (const scene of await deps.repos.scenes.originals()) {
    if (scene.tiled && (await deps.scenes.hasTiles(scene.sha256))) continue;
    const at = deps.clock.now().toISOString();
    await deps.transactor.transaction(async (tx) => {
      await deps.repos.scenes.clearTiles(scene.imageId, at, tx);
      await deps.changes.publicationChanged(scene.publicationId, tx);
      await deps.repos.jobs.enqueueUnique(
        {
          kind: SCENE_PREPARE_JOB,
          payload: { imageId: scene.imageId },
          uniqueKey: `${SCENE_PREPARE_JOB}:${scene.imageId}`,
        },
        at,
        tx,
      );
    });
    queued += 1;
  }
  return queued;
}
