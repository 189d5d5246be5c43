import type { FootprintPolygon, SceneTiles } from '../imagery.ts';
import type { Tx } from '../ports.ts';
import type {
  AnnotationShape,
  AnnotationWords,
  SceneAnnotation,
  SceneFacts,
  SceneRecord,
} from '../scenes.ts';

/** The `scenes`, `scene_places` and `scene_annotations` tables (migration 0103). */
export interface ScenesRepository {
  /** Makes the image a scene, or updates its facts and places. */
  save(imageId: number, facts: SceneFacts, at: string, tx?: Tx): Promise<void>;
  find(imageId: number, tx?: Tx): Promise<SceneRecord | undefined>;
  findMany(imageIds: readonly number[], tx?: Tx): Promise<SceneRecord[]>;
  /** Every scene's image id and the hash of its original, for work on all of them. */
  originals(
    tx?: Tx,
  ): Promise<Array<{ imageId: number; publicationId: number; sha256: string; tiled: boolean }>>;
  /** Forgets a scene's tiles (they are gone from disk): it is not shown until they are made. */
  clearTiles(imageId: number, at: string, tx?: Tx): Promise<void>;
  /** The ids of the scenes that show a place (any state: the caller applies visibility). */
  idsShowing(placeIds: readonly number[], tx?: Tx): Promise<number[]>;
  setFootprint(
    imageId: number,
    footprint: { polygon: FootprintPolygon; crs: string } | null,
    at: string,
    tx?: Tx,
  ): Promise<void>;
  setTiles(
    imageId: number,
    tiles: SceneTiles,
    downloadSha256: string,
    at: string,
    tx?: Tx,
  ): Promise<void>;
  annotationsOf(imageIds: readonly number[], tx?: Tx): Promise<SceneAnnotation[]>;
  /** Adds a callout numbered after the last one. */
  addAnnotation(
    imageId: number,
    shape: { shape: AnnotationShape; points: Array<[number, number]> },
    words: AnnotationWords,
    at: string,
    tx?: Tx,
  ): Promise<SceneAnnotation>;
  updateAnnotation(
    id: number,
    change: Partial<{ shape: AnnotationShape; points: Array<[number, number]> } & AnnotationWords>,
    at: string,
    tx?: Tx,
  ): Promise<void>;
  /** Removes a callout and numbers the rest 1, 2, 3… again, so the list has no gaps. */
  deleteAnnotation(id: number, tx?: Tx): Promise<void>;
}
