import type { Actor } from '../../core/actor.ts';
import type { AuditTrail } from '../../core/audit-trail.ts';
import type { JobHandlers } from '../../core/jobs.ts';
import type { Clock, Transactor } from '../../core/ports.ts';
import type { Job } from '../../core/repositories/jobs-repository.ts';
import type { Repositories } from '../../core/repositories.ts';
import { requeueJob } from './requeue-job.ts';

export interface RetryJobDeps {
  repos: Pick<Repositories, 'jobs' | 'audit'>;
  transactor: Transactor;
  clock: Clock;
  audit: AuditTrail;
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
    await deps.audit.record(actor, 'job.retry', { type: 'job', id }, { kind: job.kind }, tx);
    return job;
  });
}
