import type { Actor } from '../../core/actor.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import type { ImageRecord } from '../../core/images.ts';
import {
  type AnnotationWords,
  annotationInput,
  parseAnnotationPoints,
  type SceneAnnotation,
} from '../../core/scenes.ts';
import { validate } from '../../core/validate.ts';
import type { SceneDeps } from './add-scene.ts';

type Deps = Pick<SceneDeps, 'repos' | 'transactor' | 'clock' | 'audit' | 'changes'>;

export interface AnnotationForm {
  /** "x,y" for a point, "x1,y1 x2,y2 x3,y3 …" for a polygon, in the scene's pixels. */
  points: string;
  label?: string | null;
  labelKo?: string | null;
  note?: string | null;
  noteKo?: string | null;
}

function read(image: ImageRecord, form: AnnotationForm) {
  const shape = parseAnnotationPoints(form.points, image);
  if (typeof shape === 'string') {
    throw new ValidationError(`points: ${shape}`, [{ path: 'points', message: shape }]);
  }
  const words: AnnotationWords = validate(annotationInput, form);
  return { shape, words };
}

/** Adds a numbered callout to a scene: a point or a polygon, a label and a note in both languages. */
export async function addAnnotation(
  deps: Deps,
  image: ImageRecord,
  form: AnnotationForm,
  actor: Actor,
): Promise<SceneAnnotation> {
  const { shape, words } = read(image, form);
  const at = deps.clock.now().toISOString();
  return deps.transactor.transaction(async (tx) => {
    const made = await deps.repos.scenes.addAnnotation(image.id, shape, words, at, tx);
    await deps.audit.record(
      actor,
      'scene.annotate',
      { type: 'publication', id: image.publicationId! },
      { imageId: image.id, annotationId: made.id, number: made.number },
      tx,
    );
    await deps.changes.publicationChanged(image.publicationId!, tx);
    return made;
  });
}

export async function updateAnnotation(
  deps: Deps,
  image: ImageRecord,
  annotationId: number,
  form: AnnotationForm,
  actor: Actor,
): Promise<void> {
  await requireAnnotation(deps, image, annotationId);
  const { shape, words } = read(image, form);
  const at = deps.clock.now().toISOString();
  await deps.transactor.transaction(async (tx) => {
    await deps.repos.scenes.updateAnnotation(annotationId, { ...shape, ...words }, at, tx);
    await deps.audit.record(
      actor,
      'scene.annotation.update',
      { type: 'publication', id: image.publicationId! },
      { imageId: image.id, annotationId },
      tx,
    );
    await deps.changes.publicationChanged(image.publicationId!, tx);
  });
}

export async function deleteAnnotation(
  deps: Deps,
  image: ImageRecord,
  annotationId: number,
  actor: Actor,
): Promise<void> {
  await requireAnnotation(deps, image, annotationId);
  await deps.transactor.transaction(async (tx) => {
    await deps.repos.scenes.deleteAnnotation(annotationId, tx);
    await deps.audit.record(
      actor,
      'scene.annotation.delete',
      { type: 'publication', id: image.publicationId! },
      { imageId: image.id, annotationId },
      tx,
    );
    await deps.changes.publicationChanged(image.publicationId!, tx);
  });
}

async function requireAnnotation(deps: Deps, image: ImageRecord, annotationId: number) {
  const all = await deps.repos.scenes.annotationsOf([image.id]);
  if (!all.some((a) => a.id === annotationId)) throw new NotFoundError('No such annotation');
}
