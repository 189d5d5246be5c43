import type { Place } from '../../../core/entities.ts';
import type { Repositories } from '../../../core/repositories.ts';
import type { SceneAnnotation } from '../../../core/scenes.ts';
import { publicationPath } from './entries.ts';
import {
  findPublicScene,
  type PublicScene,
  type PublicSceneRepos,
  publicScenesShowing,
} from './public-scene.ts';

export type ScenePageRepos = PublicSceneRepos & Pick<Repositories, 'places' | 'sections' | 'files'>;

export interface ScenePageView {
  scene: PublicScene;
  annotations: SceneAnnotation[];
  places: Place[];
  shownIn: { title: string; path: string; language: string };
  download: { mediaType: string; byteSize: number } | null;
  /** Every public scene of the same places, this one included, by capture date. */
  timeline: PublicScene[];
}

/** What a scene's own page shows, or undefined when the public may not see the scene. */
export async function loadScenePage(
  repos: ScenePageRepos,
  id: number,
  now: Date,
): Promise<ScenePageView | undefined> {
  const scene = await findPublicScene(repos, id, now);
  if (!scene) return undefined;
  const publication = await repos.publications.findById(scene.image.publicationId!);
  const section = publication && (await repos.sections.findById(publication.sectionId));
  if (!publication || !section) return undefined;
  const [annotations, places, timeline, download] = await Promise.all([
    repos.scenes.annotationsOf([id]),
    repos.places.findByIds(scene.scene.placeIds),
    publicScenesShowing(repos, scene.scene.placeIds, now),
    downloadOf(repos, scene),
  ]);
  return {
    scene,
    annotations,
    places: scene.scene.placeIds
      .map((pid) => places.find((p) => p.id === pid))
      .filter((p) => p !== undefined),
    shownIn: {
      title: publication.title,
      path: publicationPath(section, publication),
      language: publication.language,
    },
    download,
    timeline: timeline.length > 0 ? timeline : [scene],
  };
}

export interface SceneCompareView {
  before: ScenePageView;
  after: ScenePageView;
  /** A slider needs the same ground at the same size; otherwise the two stand side by side. */
  sameExtent: boolean;
}

/** Two public scenes of a common place, earlier first, or undefined. */
export async function loadSceneCompare(
  repos: ScenePageRepos,
  a: number,
  b: number,
  now: Date,
): Promise<SceneCompareView | undefined> {
  if (a === b) return undefined;
  const [first, second] = await Promise.all([
    loadScenePage(repos, a, now),
    loadScenePage(repos, b, now),
  ]);
  if (!first || !second) return undefined;
  const shared = first.scene.scene.placeIds.some((p) => second.scene.scene.placeIds.includes(p));
  if (!shared) return undefined;
  const [before, after] =
    (first.scene.image.takenOn ?? '') <= (second.scene.image.takenOn ?? '')
      ? [first, second]
      : [second, first];
  const x = before.scene;
  const y = after.scene;
  const sameExtent =
    x.image.width === y.image.width &&
    x.image.height === y.image.height &&
    JSON.stringify(x.scene.footprint) === JSON.stringify(y.scene.footprint);
  return { before, after, sameExtent };
}

async function downloadOf(repos: ScenePageRepos, scene: PublicScene) {
  const copies = await repos.files.derivativesOf(scene.image.storedFileId);
  const copy = copies.find((d) => d.purpose === 'scene-download');
  const file = copy && (await repos.files.findStoredFile(copy.fileId));
  return file ? { mediaType: file.mediaType, byteSize: file.byteSize } : null;
}
