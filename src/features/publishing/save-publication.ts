import type { Actor } from '../../core/actor.ts';
import type { AuditTrail } from '../../core/audit-trail.ts';
import type { ChangeFeed } from '../../core/change-feed.ts';
import type { PublicationRecord } from '../../core/entities.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors.ts';
import { renderBody } from '../../core/markdown/markdown-work.ts';
import type { Clock, Transactor, Tx } from '../../core/ports.ts';
import { nextPublicRecord } from '../../core/publication-status.ts';
import type { PublicationWrite } from '../../core/repositories/publications-repository.ts';
import type { Repositories } from '../../core/repositories.ts';
import { type PublicationInput, publicationInput } from '../../core/schemas.ts';
import { validate } from '../../core/validate.ts';
import { assertMayMoveVisibility, assertMayWithdraw } from '../../core/visibility-policy.ts';
import { placeFigures } from './files/place-figures.ts';
import { assertPublishable } from './publish-rules.ts';

export interface SavePublicationDeps {
  repos: Pick<
    Repositories,
    'publications' | 'revisions' | 'audit' | 'sections' | 'files' | 'jobs' | 'images' | 'scenes'
  >;
  transactor: Transactor;
  clock: Clock;
  audit: AuditTrail;
  changes: ChangeFeed;
}

/**
 * Creates a publication with its first revision and an audit entry, in one transaction: a crash
 * leaves either all three or none.
 */
export async function createPublication(
  deps: SavePublicationDeps,
  input: PublicationInput,
  actor: Actor,
): Promise<PublicationRecord> {
  const write = await toWrite(validate(publicationInput, input), deps.clock.now());
  const at = deps.clock.now().toISOString();
  return deps.transactor.transaction(async (tx) => {
    if (!(await deps.repos.sections.findById(write.sectionId, tx))) {
      throw new ValidationError('sectionId: No such section', [
        { path: 'sectionId', message: 'No such section' },
      ]);
    }
    await checkSlugFree(deps, write, null, tx);
    write.bodyHtml = await placeFigures(deps.repos, null, write.bodyHtml, write.language, tx);
    assertMayMoveVisibility(actor.mayPublish, null, write);
    const record = nextPublicRecord(null, { ...write, deletedAt: null }, deps.clock.now());
    assertMayWithdraw(null, write, record);
    const id = await deps.repos.publications.insert(
      { ...write, ...record, createdByUserId: actor.userId },
      at,
      tx,
    );
    await deps.repos.revisions.append(
      { publicationId: id, version: 1, snapshot: write, authorUserId: actor.userId },
      at,
      tx,
    );
    await deps.audit.record(
      actor,
      'publication.create',
      { type: 'publication', id },
      { title: write.title, status: write.status },
      tx,
    );
    await schedulePublishing(deps, id, null, write, at, tx);
    return announceSaved(deps, id, tx);
  });
}

/**
 * Saves over `expectedVersion`. When someone else saved first, nothing is written and a
 * ConflictError carries the current version: never last-writer-wins.
 */
export async function updatePublication(
  deps: SavePublicationDeps,
  id: number,
  expectedVersion: number,
  input: PublicationInput,
  actor: Actor,
): Promise<PublicationRecord> {
  const write = await toWrite(validate(publicationInput, input), deps.clock.now());
  const at = deps.clock.now().toISOString();
  return deps.transactor.transaction(async (tx) => {
    const current = await deps.repos.publications.findById(id, tx);
    if (!current) throw new NotFoundError('No such publication');
    await checkSlugFree(deps, write, id, tx);
    write.bodyHtml = await placeFigures(deps.repos, id, write.bodyHtml, write.language, tx);
    assertMayMoveVisibility(actor.mayPublish, current, write);
    const record = nextPublicRecord(
      current,
      { ...write, deletedAt: current.deletedAt },
      deps.clock.now(),
    );
    assertMayWithdraw(current, write, record);
    if (write.status === 'published') {
      assertPublishable(await deps.repos.files.attachmentsOf([id], tx));
    }
    const withdrawnAt = write.status === 'withdrawn' ? (current.withdrawnAt ?? at) : null;
    await deps.changes.publicationChanging(id, tx);
    const saved = await deps.repos.publications.updateIfVersion(
      id,
      expectedVersion,
      { ...write, withdrawnAt, ...record },
      at,
      tx,
    );
    if (!saved) {
      throw new ConflictError(
        `Someone else saved this publication first (now version ${current.version})`,
        current.version,
      );
    }
    await deps.repos.revisions.append(
      {
        publicationId: id,
        version: expectedVersion + 1,
        snapshot: write,
        authorUserId: actor.userId,
      },
      at,
      tx,
    );
    if (current.status !== write.status) {
      await deps.audit.record(
        actor,
        `publication.status.${write.status}`,
        { type: 'publication', id },
        { from: current.status, to: write.status },
        tx,
      );
    }
    await schedulePublishing(deps, id, current, write, at, tx);
    return announceSaved(deps, id, tx);
  });
}

/** A slug names one publication in its section; `ownId` is the publication being saved, if any. */
async function checkSlugFree(
  deps: SavePublicationDeps,
  write: PublicationWrite,
  ownId: number | null,
  tx: Tx,
): Promise<void> {
  const holder = await deps.repos.publications.findBySlug(write.sectionId, write.slug, tx);
  if (holder && holder.id !== ownId) {
    throw new ValidationError('slug: Another publication in this section has this slug', [
      { path: 'slug', message: 'Another publication in this section has this slug' },
    ]);
  }
}

/** Tells the change feed the publication changed, and reads it back as saved. */
async function announceSaved(
  deps: SavePublicationDeps,
  id: number,
  tx: Tx,
): Promise<PublicationRecord> {
  await deps.changes.publicationChanged(id, tx);
  const saved = await deps.repos.publications.findById(id, tx);
  if (!saved) throw new NotFoundError('The publication vanished while being saved');
  return saved;
}

/** The job that publishes a scheduled piece when its moment comes, even after a restart. */
export const PUBLISH_SCHEDULED_JOB = 'publication.publish-scheduled';

/**
 * A piece scheduled for a moment gets the durable job that publishes it then, in the same
 * transaction as the save, whichever path scheduled it (the workflow, the API, an import). The
 * job publishes only if the piece is still scheduled for that moment, so a moved schedule simply
 * adds the job for the new one.
 */
async function schedulePublishing(
  deps: SavePublicationDeps,
  id: number,
  before: { status: string; scheduledAt: string | null } | null,
  write: PublicationWrite,
  at: string,
  tx: Tx,
): Promise<void> {
  if (write.status !== 'scheduled') return;
  if (write.scheduledAt === null) {
    throw new ValidationError('scheduledAt: A scheduled piece needs the moment it goes out', [
      { path: 'scheduledAt', message: 'A scheduled piece needs the moment it goes out' },
    ]);
  }
  if (before?.status === 'scheduled' && before.scheduledAt === write.scheduledAt) return;
  await deps.repos.jobs.enqueue(
    {
      kind: PUBLISH_SCHEDULED_JOB,
      payload: { publicationId: id, scheduledAt: write.scheduledAt },
      runAfter: write.scheduledAt,
    },
    at,
    tx,
  );
}

/** The record as written, its body rendered once here (off the event loop when long). */
async function toWrite(
  data: ReturnType<typeof publicationInput.parse>,
  now: Date,
): Promise<PublicationWrite> {
  const publishedAt =
    data.status === 'published' && data.publishedAt === null ? now.toISOString() : data.publishedAt;
  return {
    ...data,
    publishedAt,
    bodyHtml: await renderBody(data.body),
    contributions: data.contributions,
    topicIds: data.topicIds,
    placeIds: data.placeIds,
  };
}
