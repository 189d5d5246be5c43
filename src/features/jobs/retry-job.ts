import type { Actor } from '../../core/actor.ts';
import type { Clock, Transactor } from '../../core/ports.ts';
import type { Job } from '../../infra/db/repos/jobs.repo.ts';
import type { Repositories } from '../../infra/db/repositories.ts';
import type { JobHandlers } from '../../infra/jobs/job-handler.ts';
import { requeueJob } from '../../infra/jobs/requeue-job.ts';

export interface RetryJobDeps {
  repos: Pick<Repositories, 'jobs' | 'audit'>;
  transactor: Transactor;
  clock: Clock;
}

/**
 * Queues a failed job again (see requeueJob) on someone's request, recording who asked in the
 * same transaction: a retried import or extraction is a decision worth finding later.
 */
export async function retryJob(
  deps: RetryJobDeps,
  handlers: JobHandlers,
  id: number,
  actor: Actor,
): Promise<Job> {
  return deps.transactor.transaction(async (tx) => {
    const joined: Transactor = { transaction: (fn) => fn(tx) };
    const job = await requeueJob({ ...deps, transactor: joined }, handlers, id);
    await deps.repos.audit.append(
      {
        at: deps.clock.now().toISOString(),
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: 'job.retry',
        subjectType: 'job',
        subjectId: String(id),
        detail: { kind: job.kind },
        ip: actor.ip,
      },
      tx,
    );
    return job;
  });
}
