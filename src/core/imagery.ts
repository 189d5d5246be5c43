/**
 * What the imagery pipeline reads from a scene file and what it writes for deep zoom: the pure
 * types the scene records use, and the IIIF Image API 3.0 description of a tiled scene.
 */

/**
 * The most pixels a scene may have. Satellite scenes are large (a 20,000 × 20,000 px scene is
 * 400 megapixels); they are read as a stream, never decoded whole, so the limit guards against
 * a "pixel flood" rather than against memory use.
 */
export const MAX_SCENE_PIXELS = 1_000_000_000;

export type SceneMediaType = 'image/tiff' | 'image/jpeg' | 'image/png' | 'image/webp';

export const SCENE_MEDIA_TYPES: readonly SceneMediaType[] = [
  'image/tiff',
  'image/jpeg',
  'image/png',
  'image/webp',
];

/** A position as GeoJSON has it (RFC 7946): longitude, then latitude, in WGS 84 degrees. */
export type LonLat = [number, number];

/** A GeoJSON Polygon: the exterior ring counterclockwise and closed (first point = last). */
export interface FootprintPolygon {
  type: 'Polygon';
  coordinates: LonLat[][];
}

/** What the header of a scene file says, read without decoding its pixels. */
export interface SceneInspection {
  format: SceneMediaType;
  width: number;
  height: number;
  /** The ground the scene covers in WGS 84, for a GeoTIFF whose system could be read. */
  footprint: FootprintPolygon | null;
  /** The system the file is georeferenced in, as 'EPSG:nnnn', when it names one. */
  sourceCrs: string | null;
  /** Why a scene has no footprint (no georeferencing, or a system that is not read). */
  footprintNote: string | null;
}

/** One tile grid of a IIIF image: square tiles when `height` is absent. */
export interface SceneTileGrid {
  width: number;
  height?: number;
  scaleFactors: number[];
}

/** The geometry of a tiled scene: enough to write its info.json again under any `id`. */
export interface SceneTiles {
  width: number;
  height: number;
  tiles: SceneTileGrid[];
  /** Whole-image sizes that exist as files (`full/{w},{h}/0/default.jpg`). */
  sizes: Array<{ width: number; height: number }>;
  /**
   * The largest width and height served (info.json's `maxWidth`/`maxHeight`): level 0 must
   * answer `full/max`, which is the whole image at this bound, written as a file of its own.
   */
  maxSize?: number;
}

/** The IIIF Image API 3.0 service description of a level 0 (static files) image. */
export interface ImageService3 {
  '@context': 'http://iiif.io/api/image/3/context.json';
  id: string;
  type: 'ImageService3';
  protocol: 'http://iiif.io/api/image';
  profile: 'level0';
  width: number;
  height: number;
  maxWidth?: number;
  maxHeight?: number;
  tiles: SceneTileGrid[];
  sizes: Array<{ width: number; height: number }>;
}

/**
 * The info.json of a tiled scene. `id` is the image's base URI without a trailing slash (the
 * spec's rule), made from the public address at serve time so the files stay valid if it moves.
 */
export function infoJson(tiles: SceneTiles, id: string): ImageService3 {
  return {
    '@context': 'http://iiif.io/api/image/3/context.json',
    id: id.replace(/\/+$/, ''),
    type: 'ImageService3',
    protocol: 'http://iiif.io/api/image',
    profile: 'level0',
    width: tiles.width,
    height: tiles.height,
    ...(tiles.maxSize ? { maxWidth: tiles.maxSize, maxHeight: tiles.maxSize } : {}),
    tiles: tiles.tiles.map((t) => ({ ...t, scaleFactors: [...t.scaleFactors] })),
    sizes: tiles.sizes.map((s) => ({ ...s })),
  };
}

/**
 * The path, under the image's base, of every file a level 0 viewer may ask for: for each scale
 * factor, each tile's region in full-size pixels (or `full` when one tile covers the image) and
 * its size once scaled (rounded up, as libvips writes it); and each listed whole-image size.
 */
export function levelZeroPaths(tiles: SceneTiles): string[] {
  const paths = new Set<string>();
  for (const grid of tiles.tiles) {
    const tileWidth = grid.width;
    const tileHeight = grid.height ?? grid.width;
    for (const scale of grid.scaleFactors) {
      const stepX = tileWidth * scale;
      const stepY = tileHeight * scale;
      for (let y = 0; y < tiles.height; y += stepY) {
        for (let x = 0; x < tiles.width; x += stepX) {
          const w = Math.min(stepX, tiles.width - x);
          const h = Math.min(stepY, tiles.height - y);
          const whole = w === tiles.width && h === tiles.height;
          const region = whole ? 'full' : `${x},${y},${w},${h}`;
          paths.add(`${region}/${Math.ceil(w / scale)},${Math.ceil(h / scale)}/0/default.jpg`);
        }
      }
    }
  }
  for (const size of tiles.sizes) paths.add(`full/${size.width},${size.height}/0/default.jpg`);
  if (tiles.maxSize) paths.add('full/max/0/default.jpg');
  return [...paths];
}

/** The size of `full/max` under a bound: the whole image fitted inside it, never enlarged. */
export function maxSizeOf(width: number, height: number, bound: number) {
  const scale = Math.min(1, bound / width, bound / height);
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** The geometry an info.json describes, as `levelZeroPaths` reads it (the static export's use). */
export function tilesOfInfo(info: ImageService3): SceneTiles {
  const { width, height, tiles, sizes, maxWidth } = info;
  return { width, height, tiles, sizes, ...(maxWidth ? { maxSize: maxWidth } : {}) };
}
