import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Tx } from '../../../core/ports.ts';
import type {
  Job,
  JobStatus,
  JobsRepository,
  NewJob,
} from '../../../core/repositories/jobs-repository.ts';
import type { Database } from '../database.ts';
import { dbOrTx, type Executor } from '../executor.ts';
import { findRowBy } from './entity-table.ts';

/**
 * Durable jobs: a row per job, leased by one worker at a time. A lease is a promise to finish
 * before `leaseExpiresAt`; a worker that dies breaks it, and the job becomes ready again. Every
 * change to a leased job names its owner, so a worker whose lease was taken over writes nothing.
 */
export class JobsRepo implements JobsRepository {
  private readonly postgres: boolean;

  constructor(private readonly db: Executor) {
    this.postgres = (db as Kysely<Database>).getExecutor().adapter instanceof PostgresAdapter;
  }

  /**
   * Adds a job. With a `uniqueKey` that a queued or running job already holds, adds nothing and
   * returns null: that is how recurring work keeps a single schedule.
   */
  async enqueue(job: NewJob, at: string, tx?: Tx): Promise<number> {
    const id = await this.enqueueUnique(job, at, tx);
    if (id === null) throw new Error(`A live job already holds the key ${job.uniqueKey}`);
    return id;
  }

  async enqueueUnique(job: NewJob, at: string, tx?: Tx): Promise<number | null> {
    const row = await dbOrTx(this.db, tx)
      .insertInto('jobs')
      .values({
        kind: job.kind,
        payload: JSON.stringify(job.payload),
        status: 'queued',
        attempts: 0,
        maxAttempts: job.maxAttempts ?? 5,
        runAfter: job.runAfter ?? at,
        createdAt: at,
        updatedAt: at,
        uniqueKey: job.uniqueKey ?? null,
      })
      // The conflict target repeats the partial index's predicate, as both databases require;
      // SQLite matches it only written literally, as in the index, not with bound parameters.
      .onConflict((oc) =>
        oc.column('uniqueKey').where(sql<boolean>`status in ('queued', 'running')`).doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async list(
    filter: { status?: JobStatus; kind?: string; limit?: number } = {},
    tx?: Tx,
  ): Promise<Job[]> {
    let q = dbOrTx(this.db, tx).selectFrom('jobs').selectAll();
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    return q
      .orderBy('id', 'desc')
      .limit(filter.limit ?? 100)
      .execute();
  }

  find(id: number, tx?: Tx): Promise<Job | undefined> {
    return findRowBy(this.db, 'jobs', 'id', id, tx);
  }

  /**
   * Takes the next ready job: a queued one whose time has come, or a running one whose worker
   * let its lease expire with attempts left. One statement claims it, so two workers never get
   * the same job: PostgreSQL skips rows another transaction has locked (SKIP LOCKED), and SQLite
   * runs one writing statement at a time.
   */
  async lease(
    owner: string,
    now: string,
    leaseUntil: string,
    kinds: readonly string[] | null = null,
    tx?: Tx,
  ): Promise<Job | undefined> {
    const db = dbOrTx(this.db, tx);
    let pick = db
      .selectFrom('jobs')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'queued'), eb('runAfter', '<=', now)]),
          eb.and([
            eb('status', '=', 'running'),
            eb('leaseExpiresAt', '<', now),
            eb('attempts', '<', eb.ref('maxAttempts')),
          ]),
        ]),
      )
      .orderBy('runAfter')
      .orderBy('id')
      .limit(1);
    if (kinds) pick = pick.where('kind', 'in', [...kinds]);
    if (this.postgres) pick = pick.forUpdate().skipLocked();
    return db
      .updateTable('jobs')
      .set({
        status: 'running',
        leaseOwner: owner,
        leaseExpiresAt: leaseUntil,
        attempts: sql<number>`attempts + 1`,
        updatedAt: now,
      })
      .where('id', '=', pick)
      .returningAll()
      .executeTakeFirst();
  }

  /** Extends a lease the owner still holds; false when it was lost. */
  async extendLease(id: number, owner: string, leaseUntil: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ leaseExpiresAt: leaseUntil, updatedAt: now })
      .where('id', '=', id)
      .where('leaseOwner', '=', owner)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Marks a leased job done; false (and nothing written) when the owner lost the lease. */
  async complete(id: number, owner: string, now: string, tx?: Tx): Promise<boolean> {
    return this.settle(id, owner, { status: 'done', finishedAt: now, lastError: null }, now, tx);
  }

  /** Puts a leased job back in the queue until `runAfter`, keeping the reason. */
  async retryLater(
    id: number,
    owner: string,
    error: string,
    runAfter: string,
    now: string,
    tx?: Tx,
  ): Promise<boolean> {
    return this.settle(id, owner, { status: 'queued', runAfter, lastError: error }, now, tx);
  }

  /** Gives up on a leased job. */
  async fail(id: number, owner: string, error: string, now: string, tx?: Tx): Promise<boolean> {
    return this.settle(id, owner, { status: 'failed', finishedAt: now, lastError: error }, now, tx);
  }

  private async settle(
    id: number,
    owner: string,
    changes: Partial<Pick<Job, 'status' | 'finishedAt' | 'lastError' | 'runAfter'>>,
    now: string,
    tx?: Tx,
  ): Promise<boolean> {
    const result = await dbOrTx(this.db, tx)
      .updateTable('jobs')
      .set({ ...changes, leaseOwner: null, leaseExpiresAt: null, updatedAt: now })
      .where('id', '=', id)
      .where('leaseOwner', '=', owner)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Hands a leased job back untouched, as if it had never been taken: the worker is shutting
   * down, which is no fault of the job's, so the attempt does not count.
   */
  async release(id: number, owner: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({
        status: 'queued',
        attempts: sql<number>`attempts - 1`,
        leaseOwner: null,
        leaseExpiresAt: null,
        updatedAt: now,
      })
      .where('id', '=', id)
      .where('leaseOwner', '=', owner)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Running jobs whose worker vanished on their last allowed attempt. */
  async listAbandoned(now: string, tx?: Tx): Promise<Job[]> {
    return dbOrTx(this.db, tx)
      .selectFrom('jobs')
      .selectAll()
      .where('status', '=', 'running')
      .where('leaseExpiresAt', '<', now)
      .where((eb) => eb('attempts', '>=', eb.ref('maxAttempts')))
      .orderBy('id')
      .execute();
  }

  /** Fails an abandoned job, unless someone settled it first; true when this call did. */
  async failAbandoned(id: number, error: string, now: string, tx?: Tx): Promise<boolean> {
    const result = await dbOrTx(this.db, tx)
      .updateTable('jobs')
      .set({
        status: 'failed',
        finishedAt: now,
        lastError: error,
        leaseOwner: null,
        leaseExpiresAt: null,
        updatedAt: now,
      })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('leaseExpiresAt', '<', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Queues a failed (or finished) job again with a fresh set of attempts. Refuses a live one:
   * it is already going to run.
   */
  async requeue(id: number, now: string, tx?: Tx): Promise<boolean> {
    const result = await dbOrTx(this.db, tx)
      .updateTable('jobs')
      .set({
        status: 'queued',
        attempts: 0,
        runAfter: now,
        finishedAt: null,
        leaseOwner: null,
        leaseExpiresAt: null,
        updatedAt: now,
      })
      .where('id', '=', id)
      .where('status', 'in', ['failed', 'done'])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async countByStatus(tx?: Tx): Promise<Record<JobStatus, number>> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('jobs')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    const counts: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const r of rows) counts[r.status] = Number(r.n);
    return counts;
  }

  /** The earliest instant at which a queued job becomes ready, to sleep until then. */
  async nextRunAfter(kinds: readonly string[] | null = null, tx?: Tx): Promise<string | null> {
    let q = dbOrTx(this.db, tx)
      .selectFrom('jobs')
      .select((eb) => eb.fn.min('runAfter').as('next'))
      .where('status', '=', 'queued');
    if (kinds) q = q.where('kind', 'in', [...kinds]);
    const row = await q.executeTakeFirst();
    return (row?.next as string | null | undefined) ?? null;
  }
}
