import { randomBytes } from 'node:crypto';
import { access, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ValidationError } from '../../core/errors.ts';
import {
  levelZeroPaths,
  MAX_SCENE_PIXELS,
  maxSizeOf,
  type SceneTileGrid,
  type SceneTiles,
} from '../../core/imagery.ts';

/** Tiles of 512 px: a quarter of the requests of 256 px tiles for the same screen. */
export const TILE_SIZE = 512;

const firstLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/** The grids and whole-image sizes libvips wrote, read back from its info.json and folders. */
async function readGeometry(dir: string): Promise<SceneTiles> {
  const info = JSON.parse(await readFile(join(dir, 'info.json'), 'utf8')) as {
    width: number;
    height: number;
    tiles?: SceneTileGrid[];
    sizes?: Array<{ width: number; height: number }>;
  };
  const tiles = (info.tiles ?? []).map((t) => ({
    width: t.width,
    ...(t.height !== undefined && t.height !== t.width ? { height: t.height } : {}),
    scaleFactors: [...t.scaleFactors],
  }));
  // libvips lists no sizes, but writes the smallest level whole under `full/`: offer it.
  const sizes = info.sizes ?? smallestWhole(info.width, info.height, tiles);
  return { width: info.width, height: info.height, tiles, sizes };
}

function smallestWhole(width: number, height: number, tiles: SceneTileGrid[]) {
  const sizes: Array<{ width: number; height: number }> = [];
  for (const grid of tiles) {
    for (const scale of grid.scaleFactors) {
      if (width <= grid.width * scale && height <= (grid.height ?? grid.width) * scale) {
        sizes.push({ width: Math.ceil(width / scale), height: Math.ceil(height / scale) });
      }
    }
  }
  return sizes;
}

/**
 * `full/max`, which level 0 must answer: the whole image within `maxWidth`/`maxHeight` (the
 * tile size, so that every tile is within them too), made from the original in one streamed pass.
 */
async function writeMax(path: string, dir: string, tiles: SceneTiles): Promise<void> {
  const { default: sharp } = await import('sharp');
  const size = maxSizeOf(tiles.width, tiles.height, tiles.maxSize!);
  await mkdir(join(dir, 'full', 'max', '0'), { recursive: true });
  await sharp(path, { limitInputPixels: MAX_SCENE_PIXELS, sequentialRead: true, failOn: 'error' })
    .autoOrient()
    .resize(size.width, size.height, { fit: 'fill' })
    .jpeg({ quality: 80 })
    .toFile(join(dir, 'full', 'max', '0', 'default.jpg'));
}

/** Level 0 means files only: every tile and size the info.json lists must be on disk. */
async function assertComplete(dir: string, tiles: SceneTiles): Promise<void> {
  for (const path of levelZeroPaths(tiles)) {
    await access(join(dir, path)).catch(() => {
      throw new Error(`The tile ${path} is listed but was not written.`);
    });
  }
}

/**
 * Cuts a scene into static IIIF Image API 3.0 level 0 tiles (JPEG) under `targetDir`, which is
 * replaced whole: the tiles are written in a sibling folder and renamed into place, so a crash
 * leaves the old set or none, never half of one. The scene is read as a stream from its path
 * (libvips's sequential access), so memory stays bounded by a strip of tiles, not the image.
 * The info.json libvips writes names a placeholder `id`; it is written again at serve time from
 * the returned geometry (`infoJson`).
 */
export async function tileScene(path: string, targetDir: string): Promise<SceneTiles> {
  const { default: sharp } = await import('sharp');
  const parent = dirname(targetDir);
  await mkdir(parent, { recursive: true });
  const work = join(parent, `.${basename(targetDir)}.${randomBytes(6).toString('hex')}.partial`);
  await mkdir(work);
  try {
    const written = join(work, 'tiles');
    try {
      const image = sharp(path, {
        limitInputPixels: MAX_SCENE_PIXELS,
        sequentialRead: true,
        failOn: 'error',
      });
      // Turned only when the header asks for it, so that an upright scene streams through as is.
      if (((await image.metadata()).orientation ?? 1) > 1) image.autoOrient();
      await image
        // The tile format is the output format set before `.tile()`. Huffman tables are not
        // optimised, as libvips's dzsave does not: that is a second pass over every tile.
        .jpeg({ quality: 80, optimiseCoding: false })
        .tile({ layout: 'iiif3', size: TILE_SIZE, id: 'scene', overlap: 0 })
        .toFile(written);
    } catch (error) {
      throw new ValidationError(`The scene could not be tiled: ${firstLine(error)}`);
    }
    const tiles = { ...(await readGeometry(written)), maxSize: TILE_SIZE };
    await writeMax(path, written, tiles);
    await assertComplete(written, tiles);
    await replaceDir(written, targetDir);
    return tiles;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Puts `fresh` at `target`, moving an older set aside first (a rename cannot overwrite a folder). */
async function replaceDir(fresh: string, target: string): Promise<void> {
  const old = `${fresh}.old`;
  const hadOld = await rename(target, old).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  await rename(fresh, target);
  if (hadOld) await rm(old, { recursive: true, force: true });
}
