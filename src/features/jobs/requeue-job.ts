import { NotFoundError, ValidationError } from '../../core/errors.ts';
import type { JobHandlers } from '../../core/jobs.ts';
import type { Clock, Transactor } from '../../core/ports.ts';
import type { Job } from '../../core/repositories/jobs-repository.ts';
import type { Repositories } from '../../core/repositories.ts';

/**
 * Queues a failed or finished job again with a fresh set of attempts, and lets its handler reset
 * what people see (a stored file goes back to "queued"). A live job is refused: it will run.
 */
export async function requeueJob(
  deps: { repos: Pick<Repositories, 'jobs'>; transactor: Transactor; clock: Clock },
  handlers: JobHandlers,
  id: number,
): Promise<Job> {
  return deps.transactor.transaction(async (tx) => {
    const job = await deps.repos.jobs.find(id, tx);
    if (!job) throw new NotFoundError(`There is no job ${id}`);
    if (!(await deps.repos.jobs.requeue(id, deps.clock.now().toISOString(), tx))) {
      throw new ValidationError(
        `Job ${id} is ${job.status}; only a failed or done job can be retried`,
      );
    }
    await handlers[job.kind]?.onRequeued?.(job, tx);
    const fresh = await deps.repos.jobs.find(id, tx);
    if (!fresh) throw new NotFoundError(`There is no job ${id}`);
    return fresh;
  });
}
