import type { Repositories } from '../../../core/repositories.ts';
import type { PublicScene, SceneAnnotation } from '../../../core/scenes.ts';
import { findPublicImage, type PublicImageRepos } from './public-image.ts';

export type PublicSceneRepos = PublicImageRepos & Pick<Repositories, 'scenes'>;

export type { PublicScene };

/**
 * A scene the public may see, or undefined. A scene is an image, so it follows the image's rule
 * (public only while a public publication's body shows it); it is shown only once its tiles
 * exist, so no page links to files that are not there yet.
 */
export async function findPublicScene(
  repos: PublicSceneRepos,
  id: number,
  now: Date,
): Promise<PublicScene | undefined> {
  const scene = await repos.scenes.find(id);
  if (!scene?.tiles) return undefined;
  const image = await findPublicImage(repos, id, now);
  return image ? { image, scene: { ...scene, tiles: scene.tiles } } : undefined;
}

/** The public scenes among these ids, oldest capture first (undated last), then by id. */
export async function publicScenes(
  repos: PublicSceneRepos,
  ids: readonly number[],
  now: Date,
): Promise<PublicScene[]> {
  const found: PublicScene[] = [];
  for (const id of ids) {
    const scene = await findPublicScene(repos, id, now);
    if (scene) found.push(scene);
  }
  return found.sort(byCapture);
}

/** The public scenes that show any of these places, in date order: a place's timeline. */
export async function publicScenesShowing(
  repos: PublicSceneRepos,
  placeIds: readonly number[],
  now: Date,
): Promise<PublicScene[]> {
  return publicScenes(repos, await repos.scenes.idsShowing(placeIds), now);
}

/** The public scenes a publication shows. */
export async function publicScenesOf(
  repos: PublicSceneRepos,
  publicationId: number,
  now: Date,
): Promise<PublicScene[]> {
  const images = await repos.images.ofPublication(publicationId);
  return publicScenes(
    repos,
    images.map((i) => i.id),
    now,
  );
}

export async function annotationsOf(
  repos: Pick<Repositories, 'scenes'>,
  scene: PublicScene,
): Promise<SceneAnnotation[]> {
  return repos.scenes.annotationsOf([scene.image.id]);
}

function byCapture(a: PublicScene, b: PublicScene): number {
  const da = a.image.takenOn ?? '9999';
  const db = b.image.takenOn ?? '9999';
  return da < db ? -1 : da > db ? 1 : a.image.id - b.image.id;
}
