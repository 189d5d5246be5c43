import type { SceneSource } from '../../core/index-sources.ts';
import type { Executor } from '../db/executor.ts';

/**
 * The satellite scenes of some publications as the index reads them, in three queries for the
 * whole batch: every scene, placed or not (the indexer applies the rule of what the public sees).
 */
export async function scenesOfPublications(
  db: Executor,
  publicationIds: readonly number[],
): Promise<Map<number, SceneSource[]>> {
  const out = new Map<number, SceneSource[]>();
  if (publicationIds.length === 0) return out;
  const scenes = await db
    .selectFrom('scenes')
    .innerJoin('images', 'images.id', 'scenes.imageId')
    .select([
      'images.id',
      'images.publicationId',
      'images.alt',
      'images.altKo',
      'images.caption',
      'images.captionKo',
      'images.credit',
      'images.takenOn',
      'scenes.tiles',
    ])
    .where('images.publicationId', 'in', [...publicationIds])
    .orderBy('images.id')
    .execute();
  if (scenes.length === 0) return out;
  const ids = scenes.map((s) => s.id);
  const [places, annotations] = await Promise.all([
    db
      .selectFrom('scenePlaces')
      .select(['imageId', 'placeId'])
      .where('imageId', 'in', ids)
      .orderBy('imageId')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('sceneAnnotations')
      .select(['imageId', 'label', 'labelKo', 'note', 'noteKo'])
      .where('imageId', 'in', ids)
      .orderBy('imageId')
      .orderBy('number')
      .execute(),
  ]);
  for (const s of scenes) {
    if (s.publicationId === null) continue;
    const words = [s.alt, s.altKo, s.caption, s.captionKo, s.credit];
    for (const a of annotations) {
      if (a.imageId === s.id) words.push(a.label, a.labelKo, a.note, a.noteKo);
    }
    const scene: SceneSource = {
      imageId: s.id,
      tiled: s.tiles !== null,
      takenOn: s.takenOn,
      placeIds: places.filter((p) => p.imageId === s.id).map((p) => p.placeId),
      words: words.filter((w): w is string => !!w),
    };
    const list = out.get(s.publicationId);
    if (list) list.push(scene);
    else out.set(s.publicationId, [scene]);
  }
  return out;
}
