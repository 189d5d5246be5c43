import { z } from 'zod';
import type { FootprintPolygon, SceneTiles } from './imagery.ts';
import { type ImageRecord, optionalText } from './images.ts';

/**
 * A satellite scene: an image record (core/images.ts) with the facts imagery needs. It shares
 * the image's id, words (alt text, caption, credit, source, capture date in `takenOn`) and its
 * visibility rule: a scene is public only while a public publication shows it.
 */
export interface SceneRecord {
  imageId: number;
  sensor: string | null;
  provider: string | null;
  licence: string | null;
  /** Made to show how the archive works, not captured: every view says so. */
  illustrative: boolean;
  /** The ground the scene covers, in WGS 84, when the file is georeferenced in a known system. */
  footprint: FootprintPolygon | null;
  /** The coordinate system the file was georeferenced in ('EPSG:32652'). */
  footprintCrs: string | null;
  /** The geometry of the scene's static IIIF tiles, once they are made. */
  tiles: SceneTiles | null;
  /** The public download: the original without its metadata, georeferencing kept. */
  downloadSha256: string | null;
  /** Places the scene shows, in the editor's order. */
  placeIds: number[];
  createdAt: string;
  updatedAt: string;
}

/** A scene the public may see, with its tiles made (features/reading/loaders/public-scene.ts). */
export interface PublicScene {
  image: ImageRecord;
  scene: SceneRecord & { tiles: SceneTiles };
}

export type AnnotationShape = 'point' | 'polygon';

/** A numbered callout on a scene, in full-resolution pixel coordinates. */
export interface SceneAnnotation {
  id: number;
  imageId: number;
  number: number;
  shape: AnnotationShape;
  points: Array<[number, number]>;
  label: string | null;
  labelKo: string | null;
  note: string | null;
  noteKo: string | null;
}

/** What an editor says about a scene beyond the image's own words. */
export const sceneFactsInput = z.object({
  sensor: optionalText(200),
  provider: optionalText(200),
  licence: optionalText(300),
  illustrative: z.boolean().default(false),
  placeIds: z.array(z.number().int().positive()).max(50).default([]),
});
export type SceneFactsInput = z.input<typeof sceneFactsInput>;
export type SceneFacts = z.output<typeof sceneFactsInput>;

/**
 * Reads "x,y" or "x1,y1 x2,y2 …" as pixel positions on the scene; a point is one position, a
 * polygon three or more. Positions outside the scene are refused: a callout must point at it.
 */
export function parseAnnotationPoints(
  text: string,
  size: { width: number; height: number },
): { shape: AnnotationShape; points: Array<[number, number]> } | string {
  const pairs = text.trim().split(/\s+/).filter(Boolean);
  if (pairs.length === 0) return 'Give a point as x,y or a polygon as x1,y1 x2,y2 x3,y3';
  const points: Array<[number, number]> = [];
  for (const pair of pairs) {
    const match = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(pair);
    if (!match) return `“${pair}” is not a position: write x,y in pixels`;
    const x = Math.round(Number(match[1]));
    const y = Math.round(Number(match[2]));
    if (x < 0 || y < 0 || x > size.width || y > size.height) {
      return `${x},${y} is outside the scene (${size.width} × ${size.height} pixels)`;
    }
    points.push([x, y]);
  }
  if (points.length === 2) return 'A polygon needs at least three corners; a point needs one';
  return { shape: points.length === 1 ? 'point' : 'polygon', points };
}

export const annotationInput = z
  .object({
    label: optionalText(200),
    labelKo: optionalText(200),
    note: optionalText(2000),
    noteKo: optionalText(2000),
  })
  .refine((v) => v.label !== null || v.labelKo !== null, {
    message: 'Give a label in English or Korean',
    path: ['label'],
  });
export type AnnotationWords = z.output<typeof annotationInput>;

/** The words of an annotation in a language, falling back to the other. */
export function annotationText(a: SceneAnnotation, locale: 'en' | 'ko') {
  const pick = (en: string | null, ko: string | null) =>
    locale === 'ko' ? (ko ?? en) : (en ?? ko);
  return { label: pick(a.label, a.labelKo) ?? '', note: pick(a.note, a.noteKo) };
}

/** The box around an annotation's points: where a viewer zooms to show it. */
export function annotationBox(a: Pick<SceneAnnotation, 'points'>) {
  const xs = a.points.map((p) => p[0]);
  const ys = a.points.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

export const SCENE_EXTENSIONS: Readonly<Record<string, string>> = {
  'image/tiff': 'tif',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** Addresses of a scene's IIIF resources on this site, under the reserved `iiif` prefix. */
export const iiifPath = {
  base: (imageId: number) => `/iiif/${imageId}`,
  info: (imageId: number) => `/iiif/${imageId}/info.json`,
  manifest: (imageId: number) => `/iiif/${imageId}/manifest.json`,
  annotations: (imageId: number) => `/iiif/${imageId}/annotations.json`,
  /** The public copy, named with its format's extension so a static host serves it right. */
  download: (imageId: number, mediaType: string) =>
    `/iiif/${imageId}/scene.${SCENE_EXTENSIONS[mediaType] ?? 'bin'}`,
};

/**
 * A tile's path below a scene's base as a static level 0 image lays it out:
 * `{region}/{size}/0/default.jpg`, region `full` or `x,y,w,h`, size `w,` or `w,h` or `max`.
 * Anything else is not a tile: the check keeps requests from naming other files.
 */
export const TILE_PATH =
  /^(full|\d{1,6},\d{1,6},\d{1,6},\d{1,6})\/(max|\d{1,6},\d{0,6})\/0\/default\.jpg$/;

/**
 * How long shared caches may keep a scene's tiles: a year at a CDN, whose purge by the
 * `Surrogate-Key`/`Cache-Tag` named here ends it when a scene stops being public; five minutes
 * in a browser, so a withdrawn scene stops showing soon without a purge reaching every reader.
 */
export const TILE_CACHE_CONTROL = 'public, max-age=300, s-maxage=31536000';

/** The headers of a tile, the same whichever path of the server answers it. */
export function tileHeaders(
  imageId: number,
  sha256: string,
  tilePath: string,
  byteLength: number,
): Record<string, string> {
  return {
    'content-type': 'image/jpeg',
    'content-length': String(byteLength),
    etag: `"${sha256.slice(0, 32)}-${tilePath.replace(/[^0-9a-z]+/g, '.')}"`,
    'cache-control': TILE_CACHE_CONTROL,
    'surrogate-key': `iiif-${imageId}`,
    'cache-tag': `iiif-${imageId}`,
    // IIIF viewers on other sites may read the tiles.
    'access-control-allow-origin': '*',
    'cross-origin-resource-policy': 'cross-origin',
  };
}
