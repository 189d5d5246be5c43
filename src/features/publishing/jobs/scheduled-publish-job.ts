import { type JobHandler, payloadOf } from '../../../core/jobs.ts';
import { PUBLISH_SCHEDULED_JOB, publishIfDue, type WorkflowDeps } from '../workflow.ts';

export { PUBLISH_SCHEDULED_JOB };

/**
 * Publishes a scheduled piece when its moment comes. The job is made at scheduling time with
 * `runAfter` at that moment, so a restart in between changes nothing. Publishing is its own
 * transaction and idempotent: a rerun after a crash finds the piece published and skips.
 */
export function scheduledPublishHandler(deps: WorkflowDeps): JobHandler {
  return {
    async run(job) {
      const { publicationId, scheduledAt } = payloadOf<{
        publicationId: number;
        scheduledAt: string;
      }>(job);
      await publishIfDue(deps, publicationId, scheduledAt);
      return undefined;
    },
  };
}
