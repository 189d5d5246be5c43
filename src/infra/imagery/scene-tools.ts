import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_SCENE_PIXELS, type SceneTiles } from '../../core/imagery.ts';
import type { StoredBlob } from '../../core/ports.ts';
import type { SceneTools, StoredVariant } from '../../core/scene-ports.ts';
import { TILE_PATH } from '../../core/scenes.ts';
import type { LocalFileStore } from '../files/local-file-store.ts';
import { makeImageVariants } from '../images/image-variants.ts';
import { inspectScene } from './inspect-scene.ts';
import { publicSceneCopy } from './public-scene-copy.ts';
import { tileScene } from './tile-scene.ts';

/** The public copy of a scene is as large as the original, which may be gigabytes. */
const COPY_MAX_BYTES = 4 * 1024 * 1024 * 1024;
/** The still's copies are made from one reduction of the scene, not from its billion pixels. */
const STILL_WIDTH = 1600;

/**
 * Scenes on the local disk: originals in the file store, tiles in `tilesRoot/<sha256>/` (a
 * level 0 IIIF layout, made again from the original whenever it is missing, e.g. after a
 * restore). Tile paths are checked against their pattern before they touch the file system.
 */
export class DiskSceneTools implements SceneTools {
  constructor(
    private readonly store: LocalFileStore,
    private readonly tilesRoot: string,
  ) {}

  inspect(sha256: string) {
    return inspectScene(this.store.pathOf(sha256));
  }

  async makeTiles(sha256: string): Promise<SceneTiles> {
    await mkdir(this.tilesRoot, { recursive: true });
    return tileScene(this.store.pathOf(sha256), this.tilesDir(sha256));
  }

  async hasTiles(sha256: string): Promise<boolean> {
    return stat(join(this.tilesDir(sha256), 'info.json')).then(
      () => true,
      () => false,
    );
  }

  async readTile(sha256: string, tilePath: string): Promise<Uint8Array | undefined> {
    if (!TILE_PATH.test(tilePath)) return undefined;
    try {
      return new Uint8Array(await readFile(join(this.tilesDir(sha256), tilePath)));
    } catch {
      return undefined;
    }
  }

  async makePublicCopy(sha256: string): Promise<StoredBlob> {
    const { format } = await this.inspect(sha256);
    const tmpDir = join(this.tilesRoot, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const out = join(tmpDir, `${process.pid}-${randomBytes(8).toString('hex')}`);
    try {
      await publicSceneCopy(this.store.pathOf(sha256), format, out);
      return await this.store.put(createReadStream(out), {
        maxBytes: COPY_MAX_BYTES,
        stripImageMetadata: false,
      });
    } finally {
      await rm(out, { force: true });
    }
  }

  async makeVariants(sha256: string): Promise<StoredVariant[]> {
    const { default: sharp } = await import('sharp');
    const still = await sharp(this.store.pathOf(sha256), {
      limitInputPixels: MAX_SCENE_PIXELS,
      failOn: 'error',
      sequentialRead: true,
    })
      .autoOrient()
      // The scene's record promises JPEG copies for old browsers: no transparency to keep.
      .flatten({ background: '#ffffff' })
      .resize({ width: STILL_WIDTH, withoutEnlargement: true })
      .png({ compressionLevel: 1 })
      .toBuffer();
    const { variants } = await makeImageVariants(new Uint8Array(still));
    const stored: StoredVariant[] = [];
    for (const v of variants) {
      const blob = await this.store.put(
        (async function* () {
          yield v.bytes;
        })(),
        { stripImageMetadata: false },
      );
      stored.push({ blob, mediaType: v.mediaType, width: v.width, height: v.height });
    }
    return stored;
  }

  private tilesDir(sha256: string): string {
    this.store.pathOf(sha256); // checks the hash's pattern
    return join(this.tilesRoot, sha256);
  }
}
