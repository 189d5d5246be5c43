import { ForbiddenError, ValidationError } from './errors.ts';
import type { PublicationStatus, PublicRecord } from './publication-status.ts';

/** The facts of a piece that decide whether and when the public sees it. */
export interface VisibilityFields {
  status: PublicationStatus;
  publishedAt: string | null;
  embargoUntil: string | null;
  scheduledAt: string | null;
}

/** Statuses that put a piece before readers, or keep its trace there (a tombstone). */
const OUT: ReadonlySet<PublicationStatus> = new Set(['scheduled', 'published', 'withdrawn']);

function sameInstant(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return new Date(a).getTime() === new Date(b).getTime();
}

/** Whether a write changes when or whether the public sees the piece. */
export function movesVisibility(before: VisibilityFields | null, after: VisibilityFields): boolean {
  if (before === null) return OUT.has(after.status);
  const changed =
    before.status !== after.status ||
    !sameInstant(before.publishedAt, after.publishedAt) ||
    !sameInstant(before.embargoUntil, after.embargoUntil) ||
    !sameInstant(before.scheduledAt, after.scheduledAt);
  // A draft's planned date is the draft's own business: only the editing right is needed.
  return changed && (OUT.has(before.status) || OUT.has(after.status));
}

/**
 * The one policy for changes that move visibility: any change to the status, date, embargo or
 * schedule of a piece that is public, scheduled, embargoed or withdrawn, and any move that puts a
 * piece before readers, needs the right to publish. The back office, the API and imports all
 * reach it through the save that every write of a publication goes through.
 */
export function assertMayMoveVisibility(
  mayPublish: boolean,
  before: VisibilityFields | null,
  after: VisibilityFields,
): void {
  if (mayPublish || !movesVisibility(before, after)) return;
  throw new ForbiddenError(
    'Changing whether or when readers see this piece (its status, date, embargo or schedule) needs the right to publish.',
  );
}

/**
 * Withdrawal leaves a public notice in place of a piece the public saw. A piece that was never
 * public has nothing to withdraw: a notice would reveal that it existed.
 */
export function assertMayWithdraw(
  before: { status: PublicationStatus } | null,
  after: { status: PublicationStatus },
  record: PublicRecord,
): void {
  if (after.status !== 'withdrawn' || before?.status === 'withdrawn') return;
  if (record.publicFrom !== null) return;
  throw new ValidationError(
    'status: This piece was never public, so there is nothing to withdraw. Move it to the trash instead.',
    [
      {
        path: 'status',
        message:
          'This piece was never public, so there is nothing to withdraw. Move it to the trash instead.',
      },
    ],
  );
}
