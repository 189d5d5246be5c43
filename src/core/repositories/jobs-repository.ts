import type { Tx } from '../ports.ts';

/** A durable job: what to do, its state, and the lease of the worker running it. */
export interface Job {
  id: number;
  kind: string;
  /** JSON text. */
  payload: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  maxAttempts: number;
  runAfter: string;
  leaseOwner: string | null;
  leaseExpiresAt: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  /** At most one queued or running job holds a given key (migration 0003). */
  uniqueKey: string | null;
}

export type JobStatus = Job['status'];

/** A job as it is queued: what to do, with what, from when, and how many times to try. */
export interface NewJob {
  kind: string;
  payload: unknown;
  runAfter?: string;
  maxAttempts?: number;
  uniqueKey?: string;
}

/**
 * Durable jobs: a row per job, leased by one worker at a time. A lease is a promise to finish
 * before `leaseExpiresAt`; a worker that dies breaks it, and the job becomes ready again. Every
 * change to a leased job names its owner, so a worker whose lease was taken over writes nothing.
 */
export interface JobsRepository {
  /**
   * Adds a job. With a `uniqueKey` that a queued or running job already holds, adds nothing and
   * returns null: that is how recurring work keeps a single schedule.
   */
  enqueue(job: NewJob, at: string, tx?: Tx): Promise<number>;
  enqueueUnique(job: NewJob, at: string, tx?: Tx): Promise<number | null>;
  list(
    filter?: {
      status?: JobStatus;
      kind?: string;
      limit?: number;
    },
    tx?: Tx,
  ): Promise<Job[]>;
  find(id: number, tx?: Tx): Promise<Job | undefined>;
  /**
   * Takes the next ready job: a queued one whose time has come, or a running one whose worker
   * let its lease expire with attempts left. One statement claims it, so two workers never get
   * the same job: PostgreSQL skips rows another transaction has locked (SKIP LOCKED), and SQLite
   * runs one writing statement at a time.
   */
  lease(
    owner: string,
    now: string,
    leaseUntil: string,
    kinds?: readonly string[] | null,
    tx?: Tx,
  ): Promise<Job | undefined>;
  /** Extends a lease the owner still holds; false when it was lost. */
  extendLease(id: number, owner: string, leaseUntil: string, now: string): Promise<boolean>;
  /** Marks a leased job done; false (and nothing written) when the owner lost the lease. */
  complete(id: number, owner: string, now: string, tx?: Tx): Promise<boolean>;
  /** Puts a leased job back in the queue until `runAfter`, keeping the reason. */
  retryLater(
    id: number,
    owner: string,
    error: string,
    runAfter: string,
    now: string,
    tx?: Tx,
  ): Promise<boolean>;
  /** Gives up on a leased job. */
  fail(id: number, owner: string, error: string, now: string, tx?: Tx): Promise<boolean>;
  /**
   * Hands a leased job back untouched, as if it had never been taken: the worker is shutting
   * down, which is no fault of the job's, so the attempt does not count.
   */
  release(id: number, owner: string, now: string): Promise<boolean>;
  /** Running jobs whose worker vanished on their last allowed attempt. */
  listAbandoned(now: string, tx?: Tx): Promise<Job[]>;
  /** Fails an abandoned job, unless someone settled it first; true when this call did. */
  failAbandoned(id: number, error: string, now: string, tx?: Tx): Promise<boolean>;
  /**
   * Queues a failed (or finished) job again with a fresh set of attempts. Refuses a live one:
   * it is already going to run.
   */
  requeue(id: number, now: string, tx?: Tx): Promise<boolean>;
  countByStatus(tx?: Tx): Promise<Record<JobStatus, number>>;
  /** The earliest instant at which a queued job becomes ready, to sleep until then. */
  nextRunAfter(kinds?: readonly string[] | null, tx?: Tx): Promise<string | null>;
}
