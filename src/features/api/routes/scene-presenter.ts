import type { z } from '@hono/zod-openapi';
import type { PublicationRecord } from '../../../core/entities.ts';
import { imagePath } from '../../../core/images.ts';
import { preferredName } from '../../../core/place-name.ts';
import type { Repositories } from '../../../core/repositories.ts';
import { iiifPath } from '../../../core/scenes.ts';
import { publicScenesOf } from '../../reading/index.ts';
import type { ApiAudience, ApiReadingRepos } from '../api-reading.ts';
import type { sceneSchema } from './api-scene-schemas.ts';

export type SceneOut = z.infer<typeof sceneSchema>;

/** The width of the still a scene's entry links: the 960-pixel JPEG copy, or the nearest below. */
const STILL_WIDTH = 960;

/**
 * A publication's satellite scenes as the caller may see them. The public, and anyone reading a
 * public piece without the right to its drafts, gets the scenes the public sees (reading's rule:
 * placed in the body, tiles made); a caller who reads the piece's drafts (a staff token, or a
 * contributor's on their own piece) gets every scene of it, each saying whether it is public, with
 * links only to what the public is served. In capture order, undated last.
 */
export async function presentScenes(
  repos: ApiReadingRepos & Pick<Repositories, 'scenes'>,
  record: PublicationRecord,
  audience: ApiAudience,
  now: Date,
): Promise<SceneOut[]> {
  const images = await repos.images.ofPublication(record.id);
  if (images.length === 0) return [];
  const readsDrafts =
    audience.kind === 'staff' ||
    (audience.kind === 'own-drafts' && record.createdByUserId === audience.userId);
  const [scenes, shown] = await Promise.all([
    repos.scenes.findMany(images.map((i) => i.id)),
    publicScenesOf(repos, record.id, now),
  ]);
  const publicIds = new Set(shown.map((s) => s.image.id));
  const visible = scenes.filter((s) => readsDrafts || publicIds.has(s.imageId));
  const places = await repos.places.findByIds([...new Set(visible.flatMap((s) => s.placeIds))]);
  const out: SceneOut[] = [];
  for (const scene of visible) {
    const image = images.find((i) => i.id === scene.imageId)!;
    const isPublic = publicIds.has(scene.imageId);
    out.push({
      id: image.id,
      caption: image.caption,
      captionKo: image.captionKo,
      alt: image.alt,
      altKo: image.altKo,
      capturedOn: image.takenOn,
      sensor: scene.sensor,
      provider: scene.provider,
      credit: image.credit,
      licence: scene.licence,
      illustrative: scene.illustrative,
      width: image.width,
      height: image.height,
      places: scene.placeIds.flatMap((id) => {
        const place = places.find((p) => p.id === id);
        return place ? [{ id, slug: place.slug, name: preferredName(place.names) }] : [];
      }),
      footprint: scene.footprint,
      public: isPublic,
      links: isPublic ? await links(repos, image.id, image.storedFileId) : null,
    });
  }
  return out.sort(
    (a, b) => (a.capturedOn ?? '9999').localeCompare(b.capturedOn ?? '9999') || a.id - b.id,
  );
}

async function links(
  repos: Pick<Repositories, 'files'>,
  imageId: number,
  storedFileId: number,
): Promise<NonNullable<SceneOut['links']>> {
  const copies = await repos.files.derivativesOf(storedFileId);
  const copy = copies.find((d) => d.purpose === 'scene-download');
  const stills = copies
    .filter((d) => d.purpose === 'display' && d.mediaType === 'image/jpeg')
    .sort((a, b) => a.width - b.width);
  const still = stills.filter((d) => d.width <= STILL_WIDTH).at(-1) ?? stills[0];
  return {
    page: `${iiifPath.base(imageId)}/`,
    info: iiifPath.info(imageId),
    manifest: iiifPath.manifest(imageId),
    annotations: iiifPath.annotations(imageId),
    download: copy ? iiifPath.download(imageId, copy.mediaType) : null,
    still: still ? imagePath(imageId, still.width, 'jpg') : null,
  };
}
