import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.ts';
import { infoJson, levelZeroPaths } from '../../core/imagery.ts';
import { inspectScene } from './inspect-scene.ts';
import { TILE_SIZE, tileScene } from './tile-scene.ts';

const dir = mkdtempSync(join(tmpdir(), 'scene-tiles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sceneFile(width: number, height: number): Promise<string> {
  const path = join(dir, `scene-${width}x${height}.tif`);
  await sharp({ create: { width, height, channels: 3, background: '#557799' } })
    .tiff()
    .toFile(path);
  return path;
}

describe('tileScene', () => {
  it('writes every tile and size its info.json lists, each a JPEG of the listed size', async () => {
    const target = join(dir, 'odd', 'tiles');
    const tiles = await tileScene(await sceneFile(1301, 1027), target);
    expect(tiles).toMatchObject({ width: 1301, height: 1027 });
    expect(tiles.tiles).toEqual([{ width: TILE_SIZE, scaleFactors: [1, 2, 4] }]);
    expect(tiles.sizes).toEqual([{ width: 326, height: 257 }]);
    const paths = levelZeroPaths(tiles);
    expect(paths).toContain('0,0,512,512/512,512/0/default.jpg');
    expect(paths).toContain('1024,1024,277,3/277,3/0/default.jpg');
    // `max` is the whole image within maxWidth and maxHeight (the tile size).
    expect(paths).toContain('full/max/0/default.jpg');
    for (const path of paths) {
      const meta = await sharp(join(target, path)).metadata();
      const [w, h] = path.startsWith('full/max/')
        ? [TILE_SIZE, Math.round((1027 * TILE_SIZE) / 1301)]
        : path.split('/')[1]!.split(',').map(Number);
      expect({ path, format: meta.format, width: meta.width, height: meta.height }).toEqual({
        path,
        format: 'jpeg',
        width: w,
        height: h,
      });
    }
  });

  it('gives an info.json by the IIIF Image API 3.0 level 0 rules under any id', async () => {
    const tiles = await tileScene(await sceneFile(700, 300), join(dir, 'small'));
    const info = infoJson(tiles, 'https://archive.example/iiif/scene-1/');
    expect(info).toEqual({
      '@context': 'http://iiif.io/api/image/3/context.json',
      id: 'https://archive.example/iiif/scene-1',
      type: 'ImageService3',
      protocol: 'http://iiif.io/api/image',
      profile: 'level0',
      width: 700,
      height: 300,
      maxWidth: TILE_SIZE,
      maxHeight: TILE_SIZE,
      tiles: [{ width: TILE_SIZE, scaleFactors: [1, 2] }],
      sizes: [{ width: 350, height: 150 }],
    });
  });

  it('replaces an older set whole and leaves no working folder or stray file beside it', async () => {
    const parent = join(dir, 'replace');
    const target = join(parent, 'tiles');
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, 'stale.jpg'), 'old');
    await tileScene(await sceneFile(600, 600), target);
    expect(existsSync(join(target, 'stale.jpg'))).toBe(false);
    expect(existsSync(join(target, 'info.json'))).toBe(true);
    expect(readdirSync(parent)).toEqual(['tiles']);
  });

  it('turns a photo the way its camera recorded, as inspectScene measures it', async () => {
    const path = join(dir, 'turned.jpg');
    await sharp({ create: { width: 80, height: 40, channels: 3, background: '#557799' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toFile(path);
    const scene = await inspectScene(path);
    const tiles = await tileScene(path, join(dir, 'turned'));
    expect({ width: scene.width, height: scene.height }).toEqual({ width: 40, height: 80 });
    expect({ width: tiles.width, height: tiles.height }).toEqual({ width: 40, height: 80 });
  });

  it('refuses a file it cannot read and leaves no half set behind', async () => {
    const parent = join(dir, 'broken');
    const bad = join(dir, 'broken.tif');
    writeFileSync(bad, Buffer.from('II*\0\x08\0\0\0garbage'));
    await expect(tileScene(bad, join(parent, 'tiles'))).rejects.toBeInstanceOf(ValidationError);
    expect(readdirSync(parent)).toEqual([]);
  });
});
