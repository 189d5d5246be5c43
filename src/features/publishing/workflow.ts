import type { Actor } from '../../core/actor.ts';
import type { AuditTrail } from '../../core/audit-trail.ts';
import type { ChangeFeed } from '../../core/change-feed.ts';
import type { PublicationRecord } from '../../core/entities.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import type { Clock, Transactor } from '../../core/ports.ts';
import type { PublicationStatus } from '../../core/publication-status.ts';
import type { Repositories } from '../../core/repositories.ts';
import { PUBLISH_SCHEDULED_JOB, updatePublication } from './save-publication.ts';

export interface WorkflowDeps {
  repos: Pick<
    Repositories,
    'publications' | 'revisions' | 'audit' | 'sections' | 'jobs' | 'files' | 'images' | 'scenes'
  >;
  transactor: Transactor;
  clock: Clock;
  audit: AuditTrail;
  changes: ChangeFeed;
}

export { PUBLISH_SCHEDULED_JOB };

/**
 * Moves a publication through draft → in review → scheduled or published → withdrawn. Each move
 * is a save like any other: versioned, kept as a revision, audited, refused when stale, and
 * allowed only to an actor who may publish when it moves the piece before readers or away.
 */
export async function changeStatus(
  deps: WorkflowDeps,
  input: {
    id: number;
    version: number;
    to: PublicationStatus;
    scheduledAt?: string | null;
    withdrawnReason?: string | null;
  },
  actor: Actor,
): Promise<PublicationRecord> {
  const current = await deps.repos.publications.findById(input.id);
  if (!current) throw new NotFoundError('No such publication');
  const now = deps.clock.now();
  let scheduledAt = current.scheduledAt;
  let publishedAt = current.publishedAt;
  let withdrawnReason = current.withdrawnReason;
  if (input.to === 'scheduled') {
    const when = input.scheduledAt ? new Date(input.scheduledAt) : null;
    if (!when || Number.isNaN(when.getTime()) || when <= now) {
      throw new ValidationError('scheduledAt: Choose a moment in the future', [
        { path: 'scheduledAt', message: 'Choose a moment in the future' },
      ]);
    }
    scheduledAt = when.toISOString();
    publishedAt = publishedAt ?? scheduledAt;
  }
  if (input.to === 'published') publishedAt = publishedAt ?? now.toISOString();
  if (input.to === 'withdrawn') {
    if (!input.withdrawnReason?.trim()) {
      throw new ValidationError('withdrawnReason: Say why, for readers', [
        { path: 'withdrawnReason', message: 'Say why, for readers' },
      ]);
    }
    withdrawnReason = input.withdrawnReason.trim();
  }
  // Scheduling enqueues the job that publishes the piece, within the save itself.
  return updatePublication(
    deps,
    input.id,
    input.version,
    { ...current, status: input.to, scheduledAt, publishedAt, withdrawnReason },
    actor,
  );
}

/**
 * Publishes a scheduled piece whose moment has come. A piece rescheduled or unscheduled since
 * the job was made is left alone: the job that matches its new moment will do it.
 */
export async function publishIfDue(
  deps: WorkflowDeps,
  publicationId: number,
  scheduledAt: string,
): Promise<'published' | 'skipped'> {
  const current = await deps.repos.publications.findById(publicationId);
  if (current?.status !== 'scheduled' || current.scheduledAt !== scheduledAt) return 'skipped';
  // Trash outranks a schedule: a piece thrown away before its moment stays unpublished, and if
  // it is restored later an editor decides again rather than finding it already out.
  if (current.deletedAt !== null) return 'skipped';
  if (new Date(scheduledAt) > deps.clock.now()) return 'skipped';
  await updatePublication(
    deps,
    publicationId,
    current.version,
    { ...current, status: 'published', publishedAt: current.publishedAt ?? scheduledAt },
    { userId: null, label: 'scheduler', ip: null, mayPublish: true },
  );
  return 'published';
}
