import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { type JobHandlers, PermanentJobError } from '../../core/jobs.ts';
import type { Clock, Transactor } from '../../core/ports.ts';
import type { Job } from '../../core/repositories/jobs-repository.ts';
import type { Repositories } from '../../core/repositories.ts';
import { retryDelayMs } from './retry-backoff.ts';

export interface JobRunnerDeps {
  repos: Pick<Repositories, 'jobs'>;
  transactor: Transactor;
  clock: Clock;
}

export interface JobRunnerOptions {
  /** Names this runner in `lease_owner`; unique per process by default. */
  owner?: string;
  /** Jobs run at once. */
  concurrency?: number;
  /** How long a lease lasts; a heartbeat renews it every third of that while the job runs. */
  leaseMs?: number;
  /** How often an idle runner looks for ready jobs. */
  pollMs?: number;
  /** Only these kinds (null: every kind that has a handler). */
  kinds?: readonly string[] | null;
  /** Wait before the next attempt, after `attempt` attempts failed. */
  backoffMs?: (attempt: number) => number;
  onEvent?: (event: JobEvent) => void;
}

export type JobEvent =
  | { type: 'started'; job: Job }
  | { type: 'done'; job: Job }
  | { type: 'retrying'; job: Job; reason: string; runAfter: string }
  | { type: 'failed'; job: Job; reason: string }
  | { type: 'lease-lost'; job: Job }
  | { type: 'error'; job: Job | null; error: unknown };

/** The lease was taken over (this worker stalled past it): its results must not land. */
class LeaseLostError extends Error {}

/**
 * Runs durable jobs: leases ready ones, runs their handlers, and settles each in one
 * transaction: done with its results, queued again after an exponential backoff, or failed
 * once its attempts are spent. A process killed mid-job leaves the job leased; when the lease
 * expires, any runner takes it again, or fails it cleanly if that was its last attempt.
 */
export class JobRunner {
  readonly owner: string;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly kinds: readonly string[];
  private readonly backoffMs: (attempt: number) => number;
  private readonly running = new Set<Promise<void>>();
  private loopDone: Promise<void> | null = null;
  private stopping = false;
  private interrupted = false;
  private wakeUp: (() => void) | null = null;

  constructor(
    private readonly deps: JobRunnerDeps,
    private readonly handlers: JobHandlers,
    private readonly options: JobRunnerOptions = {},
  ) {
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.leaseMs = options.leaseMs ?? 60_000;
    this.pollMs = options.pollMs ?? 1_000;
    this.kinds = options.kinds ?? Object.keys(handlers);
    this.backoffMs = options.backoffMs ?? ((n) => retryDelayMs(n));
  }

  /** Starts working in the background until stop(). */
  start(): void {
    if (this.loopDone) return;
    this.stopping = false;
    this.loopDone = this.loop();
  }

  /**
   * Stops taking jobs and waits for the ones running to settle. After `graceMs`, `interrupt`
   * is called to cut them short (closing the PDF sandbox, say); a job cut short this way is
   * handed back to the queue without counting the attempt.
   */
  async stop(options: { graceMs?: number; interrupt?: () => Promise<void> } = {}): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loopDone;
    this.loopDone = null;
    const settled = Promise.allSettled([...this.running]);
    if (options.graceMs === undefined || this.running.size === 0) {
      await settled;
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const late = await Promise.race([
      settled.then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), options.graceMs);
      }),
    ]);
    clearTimeout(timer);
    if (late) {
      this.interrupted = true;
      await options.interrupt?.();
      await settled;
    }
  }

  /** Looks for work now rather than at the next poll (after enqueueing, say). */
  wake(): void {
    this.wakeUp?.();
  }

  /** Runs every job that is ready now, and those that become ready meanwhile, then returns. */
  async drain(): Promise<void> {
    for (;;) {
      await this.reapAbandoned();
      await this.fill();
      if (this.running.size === 0) return;
      await Promise.race(this.running);
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.reapAbandoned();
        await this.fill();
      } catch (error) {
        // The database may be briefly away; the next poll tries again.
        this.emit({ type: 'error', job: null, error });
      }
      await this.sleep();
    }
  }

  private async fill(): Promise<void> {
    while (!this.stopping && this.running.size < this.concurrency) {
      const job = await this.leaseOne();
      if (!job) return;
      const done: Promise<void> = this.runOne(job).finally(() => {
        this.running.delete(done);
        this.wake();
      });
      this.running.add(done);
    }
  }

  private async leaseOne(): Promise<Job | undefined> {
    if (this.kinds.length === 0) return undefined;
    const now = this.deps.clock.now();
    return this.deps.repos.jobs.lease(
      this.owner,
      now.toISOString(),
      new Date(now.getTime() + this.leaseMs).toISOString(),
      this.kinds,
    );
  }

  private async runOne(job: Job): Promise<void> {
    const handler = this.handlers[job.kind];
    const controller = new AbortController();
    const heartbeat = setInterval(() => {
      const now = this.deps.clock.now();
      this.deps.repos.jobs
        .extendLease(
          job.id,
          this.owner,
          new Date(now.getTime() + this.leaseMs).toISOString(),
          now.toISOString(),
        )
        .then(
          (held) => {
            if (!held) controller.abort();
          },
          () => {},
        );
    }, this.leaseMs / 3);
    this.emit({ type: 'started', job });
    try {
      if (!handler)
        throw new PermanentJobError(`No handler is registered for jobs of kind ${job.kind}`);
      const commit = await handler.run(job, controller.signal);
      await this.deps.transactor.transaction(async (tx) => {
        const now = this.deps.clock.now().toISOString();
        if (!(await this.deps.repos.jobs.complete(job.id, this.owner, now, tx))) {
          throw new LeaseLostError();
        }
        if (commit) await commit(tx);
      });
      this.emit({ type: 'done', job });
    } catch (error) {
      if (error instanceof LeaseLostError) {
        this.emit({ type: 'lease-lost', job });
        return;
      }
      if (this.interrupted) {
        await this.deps.repos.jobs
          .release(job.id, this.owner, this.deps.clock.now().toISOString())
          .catch(() => {});
        return;
      }
      await this.settleFailure(job, error).catch((settleError: unknown) => {
        // The lease will expire and the job will be tried again; nothing is lost.
        this.emit({ type: 'error', job, error: settleError });
      });
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async settleFailure(job: Job, error: unknown): Promise<void> {
    const handler = this.handlers[job.kind];
    const reason = describe(error);
    const permanent =
      error instanceof PermanentJobError || (error as { permanent?: unknown })?.permanent === true;
    const now = this.deps.clock.now();
    if (permanent || job.attempts >= job.maxAttempts) {
      const settled = await this.deps.transactor.transaction(async (tx) => {
        const ok = await this.deps.repos.jobs.fail(
          job.id,
          this.owner,
          reason,
          now.toISOString(),
          tx,
        );
        if (ok) await handler?.onFailed?.(job, reason, tx);
        return ok;
      });
      if (settled) this.emit({ type: 'failed', job, reason });
      else this.emit({ type: 'lease-lost', job });
      return;
    }
    const runAfter = new Date(now.getTime() + this.backoffMs(job.attempts)).toISOString();
    const settled = await this.deps.transactor.transaction(async (tx) => {
      const ok = await this.deps.repos.jobs.retryLater(
        job.id,
        this.owner,
        reason,
        runAfter,
        now.toISOString(),
        tx,
      );
      if (ok) await handler?.onRetrying?.(job, reason, tx);
      return ok;
    });
    if (settled) this.emit({ type: 'retrying', job, reason, runAfter });
    else this.emit({ type: 'lease-lost', job });
  }

  /**
   * Fails the jobs whose worker vanished (killed, crashed) during their last allowed attempt,
   * telling their handlers, so that nothing stays "running" for ever.
   */
  private async reapAbandoned(): Promise<void> {
    const now = this.deps.clock.now().toISOString();
    const abandoned = await this.deps.repos.jobs.listAbandoned(now);
    for (const job of abandoned) {
      if (!this.kinds.includes(job.kind)) continue;
      const reason = `The process running this job stopped before finishing (its lease expired) on the last of its ${job.maxAttempts} attempts.`;
      const handler = this.handlers[job.kind];
      const settled = await this.deps.transactor.transaction(async (tx) => {
        const ok = await this.deps.repos.jobs.failAbandoned(job.id, reason, now, tx);
        if (ok) await handler?.onFailed?.(job, reason, tx);
        return ok;
      });
      if (settled) this.emit({ type: 'failed', job, reason });
    }
  }

  private sleep(): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
    });
  }

  private emit(event: JobEvent): void {
    this.options.onEvent?.(event);
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 2000);
}
