import type { FootprintPolygon } from '../../core/imagery.ts';
import { imagePath } from '../../core/images.ts';
import { shownFigureIds } from '../../core/markdown/markdown-figures.ts';
import { hangulName, preferredName } from '../../core/place-name.ts';
import { iiifPath } from '../../core/scenes.ts';
import { type PublicScene, publicScenesOf, type ReadingRepos } from '../reading/index.ts';

/**
 * A satellite scene as feeds and JSON-LD carry it: only scenes the public sees (reading's rule),
 * with absolute addresses. A feed's media point at the still, the JPEG copy about 960 pixels
 * wide: a feed reader may fetch its media unasked, and the full-resolution file (a GeoTIFF of
 * a gigabyte, perhaps) is for the reader who chooses it on the scene's page, which is linked too.
 */
export interface WorkScene {
  id: number;
  /** The scene's page: the zoomable view, its annotations and the download. */
  pageUrl: string;
  width: number;
  height: number;
  still: { url: string; width: number; height: number; byteSize: number | null } | null;
  download: { url: string; mediaType: string; byteSize: number } | null;
  caption: string | null;
  captionKo: string | null;
  alt: string | null;
  altKo: string | null;
  capturedOn: string | null;
  credit: string | null;
  licence: string | null;
  sensor: string | null;
  provider: string | null;
  illustrative: boolean;
  places: Array<{
    name: string;
    nameKo: string | null;
    latitude: number | null;
    longitude: number | null;
  }>;
  footprint: FootprintPolygon | null;
}

/** The still's width: the 960-pixel copy, or the widest below it for a smaller scene. */
const STILL_WIDTH = 960;

/**
 * Each publication's public scenes, in capture order. A body that places no figure shows no
 * scene, so such a publication (most of a feed) costs no query.
 */
export async function loadWorkScenes(
  repos: ReadingRepos,
  publicUrl: string,
  publications: ReadonlyArray<{ id: number; bodyHtml: string | null }>,
  now: Date,
): Promise<Map<number, WorkScene[]>> {
  const out = new Map<number, WorkScene[]>();
  for (const { id, bodyHtml } of publications) {
    if (shownFigureIds(bodyHtml ?? '').length === 0) continue;
    const scenes = await publicScenesOf(repos, id, now);
    if (scenes.length === 0) continue;
    const placeIds = [...new Set(scenes.flatMap((s) => s.scene.placeIds))];
    const places = await repos.places.findByIds(placeIds);
    const made: WorkScene[] = [];
    for (const s of scenes) made.push(await workScene(repos, publicUrl, s, places));
    out.set(id, made);
  }
  return out;
}

async function workScene(
  repos: Pick<ReadingRepos, 'files'>,
  publicUrl: string,
  { image, scene }: PublicScene,
  places: Awaited<ReturnType<ReadingRepos['places']['findByIds']>>,
): Promise<WorkScene> {
  const copies = await repos.files.derivativesOf(image.storedFileId);
  const stills = copies
    .filter((d) => d.purpose === 'display' && d.mediaType === 'image/jpeg')
    .sort((a, b) => a.width - b.width);
  const still = stills.filter((d) => d.width <= STILL_WIDTH).at(-1) ?? stills[0];
  const copy = copies.find((d) => d.purpose === 'scene-download');
  const [stillFile, copyFile] = await Promise.all([
    still ? repos.files.findStoredFile(still.fileId) : undefined,
    copy ? repos.files.findStoredFile(copy.fileId) : undefined,
  ]);
  return {
    id: image.id,
    pageUrl: `${publicUrl}${iiifPath.base(image.id)}/`,
    width: image.width,
    height: image.height,
    still: still
      ? {
          url: `${publicUrl}${imagePath(image.id, still.width, 'jpg')}`,
          width: still.width,
          height: still.height,
          byteSize: stillFile?.byteSize ?? null,
        }
      : null,
    download:
      copy && copyFile
        ? {
            url: `${publicUrl}${iiifPath.download(image.id, copyFile.mediaType)}`,
            mediaType: copyFile.mediaType,
            byteSize: copyFile.byteSize,
          }
        : null,
    caption: image.caption,
    captionKo: image.captionKo,
    alt: image.decorative ? null : image.alt,
    altKo: image.decorative ? null : image.altKo,
    capturedOn: image.takenOn,
    credit: image.credit,
    licence: scene.licence,
    sensor: scene.sensor,
    provider: scene.provider,
    illustrative: scene.illustrative,
    places: scene.placeIds.flatMap((id) => {
      const place = places.find((p) => p.id === id);
      if (!place) return [];
      return [
        {
          name: preferredName(place.names),
          nameKo: hangulName(place.names),
          latitude: place.latitude,
          longitude: place.longitude,
        },
      ];
    }),
    footprint: scene.footprint,
  };
}

/** A scene's words in an interface language, falling back to the other language. */
export function sceneWords(scene: WorkScene, locale: 'en' | 'ko') {
  const pick = (en: string | null, ko: string | null) =>
    locale === 'ko' ? (ko ?? en) : (en ?? ko);
  return {
    caption: pick(scene.caption, scene.captionKo),
    alt: pick(scene.alt, scene.altKo),
    places: scene.places.map((p) => (locale === 'ko' ? (p.nameKo ?? p.name) : p.name)),
  };
}
