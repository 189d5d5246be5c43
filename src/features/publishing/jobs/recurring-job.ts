import type { Clock } from '../../../core/ports.ts';
import type { Repositories } from '../../../core/repositories.ts';

export interface RecurringJobDeps {
  repos: Pick<Repositories, 'jobs'>;
  clock: Clock;
}

/**
 * Schedules the next run of a recurring job, `afterMs` from now, unless one is already waiting.
 * Every server calls this on start; the job's kind is its unique key, which keeps it single.
 */
export function scheduleRecurring(
  deps: RecurringJobDeps,
  kind: string,
  afterMs: number,
  tx?: Parameters<Repositories['jobs']['enqueueUnique']>[2],
): Promise<number | null> {
  const now = deps.clock.now();
  return deps.repos.jobs.enqueueUnique(
    {
      kind,
      payload: {},
      uniqueKey: kind,
      maxAttempts: 3,
      runAfter: new Date(now.getTime() + afterMs).toISOString(),
    },
    now.toISOString(),
    tx,
  );
}
