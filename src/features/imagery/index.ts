/**
 * What other features may use of imagery: adding satellite scenes to a publication, their
 * facts and annotations, and the job that makes their tiles and copies. The public side of
 * scenes (IIIF, their pages) is reading's, like every public surface.
 */
export { addScene, SCENE_MAX_BYTES, type SceneDeps, updateSceneFacts } from './add-scene.ts';
export { addAnnotation, deleteAnnotation, updateAnnotation } from './annotate-scene.ts';
export { rebuildMissingTiles } from './rebuild-tiles.ts';
export { SCENE_PREPARE_JOB, scenePrepareHandler } from './scene-job.ts';
