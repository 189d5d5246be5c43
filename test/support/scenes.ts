import { createJobRunner } from '../../src/cli/job-runners.ts';
import type { WiredContext } from '../../src/context.ts';
import type { ImageRecord } from '../../src/core/images.ts';
import type { SceneFactsInput } from '../../src/core/scenes.ts';
import { addAnnotation, addScene, SCENE_PREPARE_JOB } from '../../src/features/imagery/index.ts';
import { SYSTEM_ACTOR } from './actors.ts';
import { editPublication } from './factories.ts';
import { writeGeoTiff } from './geotiff.ts';

/** Words that a scene's metadata carries and that must never reach the public. */
export const SCENE_SECRET = 'Analyst-Workstation-7';

/**
 * A 600 × 400 GeoTIFF in UTM zone 52N (EPSG:32652), 2 m pixels, its top-left corner near
 * Jongo-ri, with an ImageDescription, an XMP packet and an EXIF block that name a workstation.
 */
export function utmScene(options: { width?: number; height?: number } = {}) {
  return writeGeoTiff({
    width: options.width ?? 600,
    height: options.height ?? 400,
    epsg: 32652,
    origin: [397_000, 4_682_000],
    pixelSize: [2, 2],
    extra: [
      { tag: 270, type: 'ASCII', values: `Tasked by ${SCENE_SECRET}` },
      {
        tag: 700,
        type: 'BYTE',
        values: new TextEncoder().encode(`<x:xmpmeta>${SCENE_SECRET}</x:xmpmeta>`),
      },
    ],
    exif: [{ tag: 42016, type: 'ASCII', values: `${SCENE_SECRET}-exif` }],
  });
}

/**
 * Uploads a scene to a publication as an editor would, makes its tiles and copies (the real
 * job), and, unless `placed` is false, places it in the body, which is what makes it public.
 */
export async function addTestScene(
  ctx: WiredContext,
  publicationId: number,
  options: {
    bytes?: Uint8Array;
    takenOn?: string;
    facts?: SceneFactsInput;
    placed?: boolean;
    annotations?: Array<{ points: string; label?: string; labelKo?: string; note?: string }>;
  } = {},
): Promise<ImageRecord> {
  const bytes = options.bytes ?? utmScene();
  const image = await addScene(
    ctx,
    {
      publicationId,
      source: (async function* () {
        yield bytes;
      })(),
      words: {
        alt: 'Flooded fields beside the prison walls',
        caption: 'Kyo-hwa-so No. 12 after the flood',
        takenOn: options.takenOn ?? '2020-08-31',
        credit: 'Test imagery',
      },
      facts: options.facts ?? { sensor: 'Test sensor', illustrative: true },
    },
    SYSTEM_ACTOR,
  );
  for (const a of options.annotations ?? []) {
    await addAnnotation(ctx, image, a, SYSTEM_ACTOR);
  }
  // Only the scene's own job: the demo's PDF jobs are not what these tests are about.
  await createJobRunner(ctx, { kinds: [SCENE_PREPARE_JOB] }).drain();
  if (options.placed !== false) await placeScene(ctx, publicationId, image.id);
  return image;
}

/** Adds a scene's figure to the end of a publication's body. */
export async function placeScene(ctx: WiredContext, publicationId: number, imageId: number) {
  const current = (await ctx.repos.publications.findById(publicationId))!;
  await editPublication(ctx, publicationId, {
    body: `${current.body}\n\n![scene](figure:${imageId})\n`,
  });
}
