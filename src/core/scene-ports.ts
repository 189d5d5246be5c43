import type { ImageVariant } from './image-ports.ts';
import type { SceneInspection, SceneTiles } from './imagery.ts';
import type { StoredBlob } from './ports.ts';

/**
 * The work done on a stored scene's original: reading its facts, its static IIIF tiles (kept
 * beside the file store under the original's hash, so restore can make them again), its public
 * copy and its display copies. Everything reads the stored file from disk, never whole into
 * memory: a scene may have a billion pixels. Unreadable or hostile files are ValidationErrors.
 */
export interface SceneTools {
  inspect(sha256: string): Promise<SceneInspection>;
  makeTiles(sha256: string): Promise<SceneTiles>;
  /** Whether the tiles of this original are on disk. */
  hasTiles(sha256: string): Promise<boolean>;
  /** A tile's bytes by its path below the scene (core/scenes.ts TILE_PATH), or undefined. */
  readTile(sha256: string, tilePath: string): Promise<Uint8Array | undefined>;
  /** Stores the public copy: the original's pixels and georeferencing, no other metadata. */
  makePublicCopy(sha256: string): Promise<StoredBlob>;
  /** Stores the display copies (core/images.ts widths) for `<picture>`, from the original. */
  makeVariants(sha256: string): Promise<StoredVariant[]>;
}

/** A display copy made and stored. */
export interface StoredVariant extends Pick<ImageVariant, 'mediaType' | 'width' | 'height'> {
  blob: StoredBlob;
}
