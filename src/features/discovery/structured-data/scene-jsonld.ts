import type { ImageObject, Place } from 'schema-dts';
import type { LonLat } from '../../../core/imagery.ts';
import type { Locale } from '../../../ui/i18n/locales.ts';
import { translator } from '../../../ui/i18n/translate.ts';
import { sceneWords, type WorkScene } from '../scene-media.ts';

/**
 * A public satellite scene as a schema.org ImageObject: the full-resolution file as its content
 * (the still when that is not made yet), the still as its thumbnail, where it shows (each place,
 * with the scene's footprint as a GeoShape, or the place's own point), when it was captured, its
 * credit and licence, and a description that says when the image is illustrative. Its words are
 * in the page's language.
 */
export function sceneImageObject(scene: WorkScene, locale: Locale): ImageObject {
  const t = translator(locale);
  const words = sceneWords(scene, locale);
  const content = scene.download
    ? {
        url: scene.download.url,
        format: scene.download.mediaType,
        size: `${scene.download.byteSize} B`,
        width: scene.width,
        height: scene.height,
      }
    : scene.still
      ? {
          url: scene.still.url,
          format: 'image/jpeg',
          size: scene.still.byteSize === null ? undefined : `${scene.still.byteSize} B`,
          width: scene.still.width,
          height: scene.still.height,
        }
      : null;
  const description = [scene.illustrative ? t('scene.illustrative') : null, words.alt]
    .filter(Boolean)
    .join(' ');
  const licence = scene.licence;
  const licenceIsUrl = licence !== null && /^https?:\/\/\S+$/.test(licence);
  return {
    '@type': 'ImageObject',
    '@id': `${scene.pageUrl}#image`,
    url: scene.pageUrl,
    name: words.caption ?? undefined,
    caption: words.caption ?? undefined,
    description: description || undefined,
    contentUrl: content?.url,
    encodingFormat: content?.format,
    contentSize: content?.size,
    width: content ? pixels(content.width) : undefined,
    height: content ? pixels(content.height) : undefined,
    thumbnailUrl: scene.still?.url,
    dateCreated: scene.capturedOn ?? undefined,
    creditText: scene.credit ?? undefined,
    copyrightNotice: licence && !licenceIsUrl ? licence : undefined,
    license: licence
      ? licenceIsUrl
        ? licence
        : { '@type': 'CreativeWork', name: licence }
      : undefined,
    contentLocation: contentLocation(scene, words.places),
  };
}

function pixels(n: number) {
  return { '@type': 'QuantitativeValue' as const, value: n, unitCode: 'E37', unitText: 'px' };
}

/** Each place the scene shows; with no place named, the ground its footprint covers. */
function contentLocation(scene: WorkScene, names: string[]): Place[] | undefined {
  const shape = scene.footprint ? geoShape(scene.footprint.coordinates[0] ?? []) : undefined;
  if (scene.places.length === 0) {
    return shape ? [{ '@type': 'Place', geo: shape }] : undefined;
  }
  return scene.places.map((p, i) => ({
    '@type': 'Place',
    name: names[i] ?? p.name,
    geo:
      shape ??
      (p.latitude !== null && p.longitude !== null
        ? { '@type': 'GeoCoordinates', latitude: p.latitude, longitude: p.longitude }
        : undefined),
  }));
}

/**
 * schema.org's polygon: "latitude longitude" pairs, space-separated, the first point repeated at
 * the end (GeoJSON writes [longitude, latitude] and closes its rings the same way).
 */
function geoShape(ring: readonly LonLat[]) {
  if (ring.length < 4) return undefined;
  const polygon = ring.map(([lon, lat]) => `${round(lat)} ${round(lon)}`).join(' ');
  return { '@type': 'GeoShape' as const, polygon };
}

/** Seven decimals: about a centimetre, more than any footprint's accuracy. */
function round(n: number): number {
  return Math.round(n * 1e7) / 1e7;
}
