import type { Tx } from '../../services/ports.ts';
import type { JobTable } from '../database.ts';
import { dbOrTx, type Executor } from '../executor.ts';

export type Job = Omit<JobTable, 'id'> & { id: number };

/** Durable jobs: a row per job, leased by one worker at a time. */
export class JobsRepo {
  constructor(private readonly db: Executor) {}

  async enqueue(
    job: { kind: string; payload: unknown; runAfter?: string; maxAttempts?: number },
    at: string,
    tx?: Tx,
  ): Promise<number> {
    const { id } = await dbOrTx(this.db, tx)
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
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async list(filter: { status?: Job['status']; limit?: number } = {}, tx?: Tx): Promise<Job[]> {
    let q = dbOrTx(this.db, tx).selectFrom('jobs').selectAll();
    if (filter.status) q = q.where('status', '=', filter.status);
    return q
      .orderBy('id', 'desc')
      .limit(filter.limit ?? 100)
      .execute();
  }

  async find(id: number, tx?: Tx): Promise<Job | undefined> {
    return dbOrTx(this.db, tx)
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  }
}
