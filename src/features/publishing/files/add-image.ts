import type { Actor } from '../../../core/actor.ts';
import type { AuditTrail } from '../../../core/audit-trail.ts';
import type { ChangeFeed } from '../../../core/change-feed.ts';
import { NotFoundError, ValidationError } from '../../../core/errors.ts';
import type { ImageTools } from '../../../core/image-ports.ts';
import { type ImageRecord, type ImageWordsInput, imageWordsInput } from '../../../core/images.ts';
import type { Clock, FileStore, Transactor } from '../../../core/ports.ts';
import type { Repositories } from '../../../core/repositories.ts';
import { validate } from '../../../core/validate.ts';
import { IMAGE_VARIANTS_JOB } from './attach-file.ts';
import { readAll } from './read-all.ts';

export interface AddImageDeps {
  repos: Pick<Repositories, 'publications' | 'people' | 'files' | 'images' | 'jobs' | 'audit'>;
  transactor: Transactor;
  clock: Clock;
  audit: AuditTrail;
  files: FileStore;
  images: ImageTools;
  changes: ChangeFeed;
}

/** Whose image it is: a figure of a publication, or a person's photo. */
export type ImageOwner = { publicationId: number } | { personId: number };

/**
 * Stores an uploaded image and its record. The words are checked before any byte is kept (alt
 * text in the language the image is shown in, unless decorative); the bytes lose every piece of
 * metadata in the store (EXIF, GPS, XMP, IPTC: no `keepImageMetadata` here), and the display
 * copies are queued. An image with no owner cannot be made: it could never be shown.
 */
export async function addImage(
  deps: AddImageDeps,
  input: {
    owner: ImageOwner;
    source: AsyncIterable<Uint8Array>;
    words: Omit<ImageWordsInput, 'altIn'>;
    maxBytes?: number;
  },
  actor: Actor,
): Promise<ImageRecord> {
  const { owner } = input;
  let altIn: 'en' | 'ko' = 'en';
  if ('publicationId' in owner) {
    const publication = await deps.repos.publications.findById(owner.publicationId);
    if (!publication) throw new NotFoundError('No such publication');
    altIn = publication.language === 'ko' ? 'ko' : 'en';
  } else if (!(await deps.repos.people.findById(owner.personId))) {
    throw new NotFoundError('No such person');
  }
  const words = validate(imageWordsInput, { ...input.words, altIn });
  const blob = await deps.files.put(input.source, {
    maxBytes: input.maxBytes,
    stripImageMetadata: true,
  });
  if (!blob.mediaType.startsWith('image/')) {
    throw new ValidationError('file: Upload a JPEG, PNG, WebP or AVIF image', [
      { path: 'file', message: 'Upload a JPEG, PNG, WebP or AVIF image' },
    ]);
  }
  const size = await deps.images.measure(await readAll(deps.files.read(blob.sha256)));
  const at = deps.clock.now().toISOString();
  return deps.transactor.transaction(async (tx) => {
    const file = await deps.repos.files.ensureStoredFile(blob, at, tx);
    const image = await deps.repos.images.insert(
      {
        ...words,
        storedFileId: file.id,
        ...size,
        publicationId: 'publicationId' in owner ? owner.publicationId : null,
        personId: 'personId' in owner ? owner.personId : null,
      },
      at,
      tx,
    );
    if ((await deps.repos.files.derivativesOf(file.id, tx)).length === 0) {
      await deps.repos.jobs.enqueueUnique(
        {
          kind: IMAGE_VARIANTS_JOB,
          payload: { storedFileId: file.id },
          uniqueKey: `${IMAGE_VARIANTS_JOB}:${file.id}`,
        },
        at,
        tx,
      );
    }
    if ('publicationId' in owner) {
      await deps.audit.record(
        actor,
        'image.create',
        { type: 'publication', id: owner.publicationId },
        { imageId: image.id, sha256: blob.sha256 },
        tx,
      );
      await deps.changes.publicationChanged(owner.publicationId, tx);
    } else {
      // Not 'person': a photo shows beside bylines on every page the person is named on.
      await deps.audit.record(
        actor,
        'image.create',
        { type: 'image', id: image.id },
        { personId: owner.personId, sha256: blob.sha256 },
        tx,
      );
    }
    return image;
  });
}

/** Removes an image record; its bytes stay while anything else uses them (fixity, trash). */
export async function removeImage(
  deps: Pick<AddImageDeps, 'repos' | 'transactor' | 'audit' | 'changes'>,
  image: ImageRecord,
  actor: Actor,
): Promise<void> {
  await deps.transactor.transaction(async (tx) => {
    await deps.repos.images.delete(image.id, tx);
    if (image.publicationId !== null) {
      await deps.audit.record(
        actor,
        'image.delete',
        { type: 'publication', id: image.publicationId },
        { imageId: image.id },
        tx,
      );
      await deps.changes.publicationChanged(image.publicationId, tx);
    } else {
      await deps.audit.record(
        actor,
        'image.delete',
        { type: 'image', id: image.id },
        { personId: image.personId },
        tx,
      );
    }
  });
}
