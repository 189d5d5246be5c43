import type { JobHandler } from '../../../core/jobs.ts';
import type { Repositories } from '../../../core/repositories.ts';
import { emptyOldTrash, type TrashDeps } from '../trash.ts';
import { type RecurringJobDeps, scheduleRecurring } from './recurring-job.ts';

/** The daily job that purges what has been in the trash longer than 30 days. */
export const EMPTY_TRASH_JOB = 'trash.empty';
const DAY_MS = 24 * 60 * 60_000;

export function emptyTrashHandler(
  deps: TrashDeps & { repos: Pick<Repositories, 'jobs'> },
): JobHandler {
  return {
    async run() {
      await emptyOldTrash(deps);
      return async (tx) => {
        await scheduleTrashEmptying(deps, tx);
      };
    },
  };
}

/** One schedule however many servers start: the job's unique key keeps it single. */
export function scheduleTrashEmptying(
  deps: RecurringJobDeps,
  tx?: Parameters<Repositories['jobs']['enqueueUnique']>[2],
): Promise<number | null> {
  return scheduleRecurring(deps, EMPTY_TRASH_JOB, DAY_MS, tx);
}
