import type { Tx } from './ports.ts';
import type { Job } from './repositories/jobs-repository.ts';

/** What a job's work ends with: writes that land in the transaction that marks it done. */
export type JobCommit = (tx: Tx) => Promise<void>;

/**
 * One kind of job. `run` does the slow part outside any transaction and returns the writes to
 * make; the runner makes them in the same transaction that marks the job done, and only while
 * it still holds the lease, so a job's results land exactly once or not at all.
 */
export interface JobHandler {
  run(job: Job, signal: AbortSignal): Promise<JobCommit | undefined>;
  /** The job is given up for good (in that transaction): record why where people will look. */
  onFailed?(job: Job, reason: string, tx: Tx): Promise<void>;
  /** An attempt failed and another will follow. */
  onRetrying?(job: Job, reason: string, tx: Tx): Promise<void>;
  /** Someone asked for the job to run again (`dossier jobs retry`). */
  onRequeued?(job: Job, tx: Tx): Promise<void>;
}

export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** A failure that another attempt cannot fix (a password-protected PDF, a missing file). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

export function payloadOf<T>(job: Job): T {
  return JSON.parse(job.payload) as T;
}
