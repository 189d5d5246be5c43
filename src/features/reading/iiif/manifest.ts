import type { ImageRecord } from '../../../core/images.ts';
import type { SceneRecord } from '../../../core/scenes.ts';
import { canvasId, languageMap } from './annotation-page.ts';

/** Licences a IIIF `rights` property may name: Creative Commons and RightsStatements.org URIs. */
const RIGHTS_URI =
  /^https?:\/\/(creativecommons\.org\/(licenses|publicdomain)|rightsstatements\.org\/vocab)\//;

/**
 * A scene as a IIIF Presentation 3 Manifest: one canvas of the scene's size, painted by its
 * level 0 image service, with its annotations referenced, its capture date as `navDate` and,
 * for a georeferenced scene, its footprint as `navPlace` (IIIF's geographic extension), so map
 * viewers can place it. Facts the archive holds go in `metadata`, the credit in
 * `requiredStatement`; an illustrative scene says so in its summary.
 */
export function sceneManifest(input: {
  base: string;
  image: ImageRecord;
  scene: SceneRecord & { tiles: NonNullable<SceneRecord['tiles']> };
  title: { en: string | null; ko: string | null };
  illustrativeNote: { en: string; ko: string };
  labels: Record<
    'captured' | 'sensor' | 'provider' | 'licence' | 'credit',
    { en: string; ko: string }
  >;
}) {
  const { base, image, scene, labels } = input;
  const canvas = canvasId(base);
  const still = scene.tiles.sizes.at(-1)!;
  const fact = (label: { en: string; ko: string }, value: string) => ({
    label: { en: [label.en], ko: [label.ko] },
    value: { none: [value] },
  });
  const metadata = [
    image.takenOn ? fact(labels.captured, image.takenOn) : null,
    scene.sensor ? fact(labels.sensor, scene.sensor) : null,
    scene.provider ? fact(labels.provider, scene.provider) : null,
    scene.licence ? fact(labels.licence, scene.licence) : null,
  ].filter((m) => m !== null);
  return {
    '@context': [
      'http://iiif.io/api/extension/navplace/context.json',
      'http://iiif.io/api/presentation/3/context.json',
    ],
    id: `${base}/manifest.json`,
    type: 'Manifest',
    label: languageMap('', input.title.en ?? image.caption, input.title.ko ?? image.captionKo),
    ...(scene.illustrative
      ? { summary: { en: [input.illustrativeNote.en], ko: [input.illustrativeNote.ko] } }
      : {}),
    metadata,
    ...(image.credit ? { requiredStatement: fact(labels.credit, image.credit) } : {}),
    ...(scene.licence && RIGHTS_URI.test(scene.licence) ? { rights: scene.licence } : {}),
    ...(image.takenOn ? { navDate: `${image.takenOn}T00:00:00Z` } : {}),
    ...(scene.footprint
      ? {
          navPlace: {
            id: `${base}/feature-collection/1`,
            type: 'FeatureCollection',
            features: [
              {
                id: `${base}/feature/1`,
                type: 'Feature',
                properties: {},
                geometry: scene.footprint,
              },
            ],
          },
        }
      : {}),
    items: [
      {
        id: canvas,
        type: 'Canvas',
        width: image.width,
        height: image.height,
        items: [
          {
            id: `${canvas}/page`,
            type: 'AnnotationPage',
            items: [
              {
                id: `${canvas}/page/image`,
                type: 'Annotation',
                motivation: 'painting',
                target: canvas,
                body: {
                  id: `${base}/full/${still.width},${still.height}/0/default.jpg`,
                  type: 'Image',
                  format: 'image/jpeg',
                  width: still.width,
                  height: still.height,
                  service: [{ id: base, type: 'ImageService3', profile: 'level0' }],
                },
              },
            ],
          },
        ],
        annotations: [{ id: `${base}/annotations.json`, type: 'AnnotationPage' }],
      },
    ],
  };
}
