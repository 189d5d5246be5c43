import type { ChangeListener } from '../../core/change-feed.ts';
import type { Clock, Tx } from '../../core/ports.ts';
import { visibleFrom } from '../../core/publication-status.ts';
import type { Repositories } from '../../core/repositories.ts';
import { TIMESTAMP_JOB, type TimestampPayload } from '../../core/timestamps.ts';

/** An authority that is away for a while still stamps every version: a day of tries. */
const TIMESTAMP_ATTEMPTS = 50;

/**
 * Queues a timestamp of a piece's public record whenever the piece is written, as a job in the
 * same transaction as the write: it commits with it, or not at all, and survives a crash. A piece
 * the public will see later (a date or embargo ahead) is stamped when it goes out, not before;
 * one the public will never see as it stands (a draft, withdrawn, in the trash) queues nothing.
 * The job compares with the last proof, so a save the public cannot see adds no version.
 */
export function timestampQueue(deps: {
  repos: Pick<Repositories, 'jobs' | 'publications'>;
  clock: Clock;
}): ChangeListener {
  const queuedByTx = new WeakMap<Tx, Set<number>>();
  return {
    async publicationChanged(publicationId, tx) {
      const queued = queuedByTx.get(tx) ?? new Set<number>();
      queuedByTx.set(tx, queued);
      if (queued.has(publicationId)) return;
      const record = await deps.repos.publications.findById(publicationId, tx);
      const from = record ? visibleFrom(record) : null;
      if (from === null) return;
      queued.add(publicationId);
      const now = deps.clock.now().toISOString();
      const payload: TimestampPayload = { publicationId };
      // ISO instants sort as text: the later of going out and now.
      const runAfter = [from, now].sort()[1] ?? now;
      await deps.repos.jobs.enqueue(
        {
          kind: TIMESTAMP_JOB,
          payload,
          runAfter,
          maxAttempts: TIMESTAMP_ATTEMPTS,
        },
        now,
        tx,
      );
    },
  };
}
