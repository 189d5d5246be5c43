import type { JobHandler } from '../../../core/jobs.ts';
import type { Repositories } from '../../../core/repositories.ts';
import { checkFixity, type FixityDeps, recordFixity } from '../files/check-fixity.ts';
import { type RecurringJobDeps, scheduleRecurring } from './recurring-job.ts';

/** The recurring job that re-hashes every stored file. */
export const FIXITY_JOB = 'fixity.check';
export const FIXITY_INTERVAL_MS = 24 * 60 * 60_000;

const SCHEDULED = { userId: null, label: 'scheduled fixity check', ip: null, mayPublish: false };

/**
 * Checks fixity, records the result in the audit trail and schedules the next check, all in the
 * transaction that completes the job: one audit entry per check, and always one check ahead.
 */
export function fixityHandler(
  deps: FixityDeps & { repos: Pick<Repositories, 'jobs'> },
  intervalMs = FIXITY_INTERVAL_MS,
): JobHandler {
  return {
    async run() {
      const result = await checkFixity(deps);
      return async (tx) => {
        await recordFixity(deps, result, SCHEDULED, tx);
        await scheduleFixity(deps, intervalMs, tx);
      };
    },
  };
}

/**
 * Makes sure a fixity check is scheduled, `intervalMs` from now, unless one already is. Every
 * server calls this on start; the job's unique key keeps the schedule single.
 */
export function scheduleFixity(
  deps: RecurringJobDeps,
  intervalMs = FIXITY_INTERVAL_MS,
  tx?: Parameters<Repositories['jobs']['enqueueUnique']>[2],
): Promise<number | null> {
  return scheduleRecurring(deps, FIXITY_JOB, intervalMs, tx);
}
