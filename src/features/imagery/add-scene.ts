import type { Actor } from '../../core/actor.ts';
import type { AuditTrail } from '../../core/audit-trail.ts';
import type { ChangeFeed } from '../../core/change-feed.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import { type ImageRecord, type ImageWordsInput, imageWordsInput } from '../../core/images.ts';
import type { Clock, FileStore, Transactor } from '../../core/ports.ts';
import type { Repositories } from '../../core/repositories.ts';
import type { SceneTools } from '../../core/scene-ports.ts';
import { type SceneFactsInput, sceneFactsInput } from '../../core/scenes.ts';
import { validate } from '../../core/validate.ts';

export interface SceneDeps {
  repos: Pick<Repositories, 'publications' | 'places' | 'files' | 'images' | 'scenes' | 'jobs'>;
  transactor: Transactor;
  clock: Clock;
  audit: AuditTrail;
  files: FileStore;
  scenes: SceneTools;
  changes: ChangeFeed;
}

/** The job that makes a scene's tiles, public copy and display copies. */
export const SCENE_PREPARE_JOB = 'scene.prepare';

/** A scene file may be large: a 20,000-pixel-square GeoTIFF is over a gigabyte uncompressed. */
export const SCENE_MAX_BYTES = 2 * 1024 * 1024 * 1024;

const SCENE_TYPES = 'Upload a GeoTIFF, TIFF, JPEG, PNG or WebP image';

/**
 * Stores an uploaded satellite scene as an image of a publication, with its facts. Unlike a
 * figure, the original's bytes are kept as uploaded (staff see them; their georeferencing is
 * evidence), so the public never gets them: it gets the public copy the prepare job makes. The
 * footprint is read from the file's headers here, so the editor sees it at once; the tiles and
 * copies are made by a background job, and the scene shows only when it is placed in a public
 * piece's body.
 */
export async function addScene(
  deps: SceneDeps,
  input: {
    publicationId: number;
    source: AsyncIterable<Uint8Array>;
    words: Omit<ImageWordsInput, 'altIn'>;
    facts: SceneFactsInput;
    maxBytes?: number;
  },
  actor: Actor,
): Promise<ImageRecord> {
  const publication = await deps.repos.publications.findById(input.publicationId);
  if (!publication) throw new NotFoundError('No such publication');
  const altIn = publication.language === 'ko' ? 'ko' : 'en';
  const words = validate(imageWordsInput, { ...input.words, altIn });
  const facts = validate(sceneFactsInput, input.facts);
  await requirePlaces(deps, facts.placeIds);
  const blob = await deps.files.put(input.source, {
    maxBytes: input.maxBytes ?? SCENE_MAX_BYTES,
    stripImageMetadata: false,
  });
  if (!blob.mediaType.startsWith('image/') || blob.mediaType === 'image/avif') {
    throw new ValidationError(`file: ${SCENE_TYPES}`, [{ path: 'file', message: SCENE_TYPES }]);
  }
  const found = await deps.scenes.inspect(blob.sha256);
  const at = deps.clock.now().toISOString();
  return deps.transactor.transaction(async (tx) => {
    const file = await deps.repos.files.ensureStoredFile(blob, at, tx);
    const image = await deps.repos.images.insert(
      {
        ...words,
        storedFileId: file.id,
        width: found.width,
        height: found.height,
        fallbackType: 'image/jpeg',
        publicationId: publication.id,
        personId: null,
      },
      at,
      tx,
    );
    await deps.repos.scenes.save(image.id, facts, at, tx);
    await deps.repos.scenes.setFootprint(
      image.id,
      found.footprint && found.sourceCrs
        ? { polygon: found.footprint, crs: found.sourceCrs }
        : null,
      at,
      tx,
    );
    await deps.repos.jobs.enqueueUnique(
      {
        kind: SCENE_PREPARE_JOB,
        payload: { imageId: image.id },
        uniqueKey: `${SCENE_PREPARE_JOB}:${image.id}`,
      },
      at,
      tx,
    );
    await deps.audit.record(
      actor,
      'scene.create',
      { type: 'publication', id: publication.id },
      {
        imageId: image.id,
        sha256: blob.sha256,
        footprintCrs: found.sourceCrs,
        footprintNote: found.footprintNote,
      },
      tx,
    );
    await deps.changes.publicationChanged(publication.id, tx);
    return image;
  });
}

/** Changes a scene's facts and places; its words are the image's (publishing/files). */
export async function updateSceneFacts(
  deps: Pick<SceneDeps, 'repos' | 'transactor' | 'clock' | 'audit' | 'changes'>,
  image: ImageRecord,
  input: SceneFactsInput,
  actor: Actor,
): Promise<void> {
  const facts = validate(sceneFactsInput, input);
  await requirePlaces(deps, facts.placeIds);
  const at = deps.clock.now().toISOString();
  await deps.transactor.transaction(async (tx) => {
    // The places it showed lose it from their pages: announced before the write, like a move.
    await deps.changes.publicationChanging(image.publicationId!, tx);
    await deps.repos.scenes.save(image.id, facts, at, tx);
    await deps.audit.record(
      actor,
      'scene.update',
      { type: 'publication', id: image.publicationId! },
      { imageId: image.id, placeIds: facts.placeIds },
      tx,
    );
    await deps.changes.publicationChanged(image.publicationId!, tx);
  });
}

async function requirePlaces(deps: Pick<SceneDeps, 'repos'>, placeIds: readonly number[]) {
  const found = await deps.repos.places.findByIds([...placeIds]);
  if (found.length !== new Set(placeIds).size) {
    throw new ValidationError('One of the chosen places does not exist', [
      { path: 'placeIds', message: 'One of the places does not exist' },
    ]);
  }
}
