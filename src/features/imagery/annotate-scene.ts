import type { Actor } from '../../core/actor.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import type { ImageRecord } from '../../core/images.ts';
import type { Tx } from '../../core/ports.ts';
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

/**
 * A change to a scene's annotations, in one transaction: the write, its audit entry under the
 * scene's publication, and the announcement that drops what showed the scene.
 */
async function changeAnnotations<T>(
  deps: Deps,
  image: ImageRecord,
  action: string,
  actor: Actor,
  write: (tx: Tx, at: string) => Promise<{ result: T; detail: Record<string, unknown> }>,
): Promise<T> {
  const at = deps.clock.now().toISOString();
  return deps.transactor.transaction(async (tx) => {
    const { result, detail } = await write(tx, at);
    const publication = { type: 'publication', id: image.publicationId! } as const;
    await deps.audit.record(actor, action, publication, { imageId: image.id, ...detail }, tx);
    await deps.changes.publicationChanged(image.publicationId!, tx);
    return result;
  });
}

/** Adds a numbered callout to a scene: a point or a polygon, a label and a note in both languages. */
export async function addAnnotation(
  deps: Deps,
  image: ImageRecord,
  form: AnnotationForm,
  actor: Actor,
): Promise<SceneAnnotation> {
  const { shape, words } = read(image, form);
  return changeAnnotations(deps, image, 'scene.annotate', actor, async (tx, at) => {
    const made = await deps.repos.scenes.addAnnotation(image.id, shape, words, at, tx);
    return { result: made, detail: { annotationId: made.id, number: made.number } };
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
  await changeAnnotations(deps, image, 'scene.annotation.update', actor, async (tx, at) => {
    await deps.repos.scenes.updateAnnotation(annotationId, { ...shape, ...words }, at, tx);
    return { result: undefined, detail: { annotationId } };
  });
}

export async function deleteAnnotation(
  deps: Deps,
  image: ImageRecord,
  annotationId: number,
  actor: Actor,
): Promise<void> {
  await requireAnnotation(deps, image, annotationId);
  await changeAnnotations(deps, image, 'scene.annotation.delete', actor, async (tx) => {
    await deps.repos.scenes.deleteAnnotation(annotationId, tx);
    return { result: undefined, detail: { annotationId } };
  });
}

async function requireAnnotation(deps: Deps, image: ImageRecord, annotationId: number) {
  const all = await deps.repos.scenes.annotationsOf([image.id]);
  if (!all.some((a) => a.id === annotationId)) throw new NotFoundError('No such annotation');
}
