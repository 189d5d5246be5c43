import { CAPTURE_JOB } from '../../core/captures.ts';
import type { ChangeListener } from '../../core/change-feed.ts';
import type { Clock } from '../../core/ports.ts';
import type { Repositories } from '../../core/repositories.ts';

/** A source that does not answer is tried again a few times over the following hours. */
const CAPTURE_ATTEMPTS = 5;

/**
 * Queues the capture of a piece's cited sources when an editor saves it, in the same
 * transaction: the sources are fetched while the piece is being worked on, never at the moment
 * it is released, so an embargoed piece's sources are not fetched at the moment they would
 * reveal it. One job a piece at a time: saves while one waits add nothing.
 */
export function captureQueue(deps: {
  repos: Pick<Repositories, 'jobs'>;
  clock: Clock;
}): ChangeListener {
  return {
    async publicationChanged(publicationId, tx) {
      await deps.repos.jobs.enqueueUnique(
        {
          kind: CAPTURE_JOB,
          payload: { publicationId },
          uniqueKey: `${CAPTURE_JOB}:${publicationId}`,
          maxAttempts: CAPTURE_ATTEMPTS,
        },
        deps.clock.now().toISOString(),
        tx,
      );
    },
  };
}
