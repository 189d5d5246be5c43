import type pg from 'pg';
import type { ReplicaState } from '../../../core/read-routing.ts';
import { lsnValue } from './lsn.ts';

/** How long a replica that failed is left alone before it is asked again. */
const REST_AFTER_FAILURE_MS = 5000;
/** How long to wait before asking a primary that did not answer for its position again. */
const FENCE_RETRY_MS = 500;

export interface Replica {
  pool: pg.Pool;
  /** The last log position it said it had replayed. */
  replayed: bigint;
  asking: boolean;
  downUntil: number;
}

/**
 * The replicas and the fence they must pass: the primary's log position after the latest write
 * this process made or heard of. A replica answers reads only once it has replayed up to the
 * fence; while a fence is being taken (a commit in flight, a message from another process), none
 * does. So a reader never sees older data than this process has already acted on, and a render
 * cache filled after an invalidation is filled from data at least as new as the change.
 */
export class ReplicaSet {
  readonly replicas: Replica[];
  readonly primary: pg.Pool;
  #fence = 0n;
  #fencesTaking = 0;
  #next = 0;
  #closed = false;
  /** Statements answered by each side, for the tests and the operator. */
  readonly answered = { primary: 0, replica: 0 };

  constructor(primary: pg.Pool, replicaPools: pg.Pool[]) {
    this.primary = primary;
    this.replicas = replicaPools.map((pool) => ({
      pool,
      replayed: 0n,
      asking: false,
      downUntil: 0,
    }));
    // A process that starts knows of no write yet, but a replica may be far behind: the fence
    // starts at the primary's position now.
    this.fenceFromPrimary();
  }

  /** A replica that may answer a read now, or null (the caller reads the primary). */
  pick(): Replica | null {
    if (this.#fencesTaking > 0) return null;
    const now = Date.now();
    const count = this.replicas.length;
    for (let i = 0; i < count; i++) {
      const index = (this.#next + i) % count;
      const replica = this.replicas[index]!;
      if (replica.downUntil > now) continue;
      if (replica.replayed >= this.#fence) {
        this.#next = (index + 1) % count;
        return replica;
      }
      this.#ask(replica);
    }
    return null;
  }

  /**
   * A write is about to commit. Until the returned function is called with the primary's log
   * position after it, no replica answers.
   */
  beginFence(): (lsn: string | null) => void {
    this.#fencesTaking++;
    let settled = false;
    return (lsn) => {
      if (settled) return;
      settled = true;
      if (lsn === null) {
        // The position could not be read with the write: ask the pool, then let go.
        this.fenceFromPrimary();
      } else {
        this.#raise(lsnValue(lsn));
      }
      this.#fencesTaking--;
    };
  }

  /** Takes a fence from the primary's current position (after another process's change). */
  fenceFromPrimary(): void {
    this.#fencesTaking++;
    const take = (): void => {
      if (this.#closed) return;
      this.primary
        .query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn')
        .then(({ rows }) => {
          this.#raise(lsnValue(rows[0]?.lsn));
          this.#fencesTaking--;
        })
        .catch(() => setTimeout(take, FENCE_RETRY_MS).unref());
    };
    take();
  }

  /** The replica failed a read: rest it, and read the primary meanwhile. */
  failed(replica: Replica): void {
    replica.downUntil = Date.now() + REST_AFTER_FAILURE_MS;
  }

  states(): ReplicaState[] {
    const now = Date.now();
    return this.replicas.map((r) => ({
      up: r.downUntil <= now,
      caughtUp: this.#fencesTaking === 0 && r.replayed >= this.#fence,
    }));
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.replicas.map((r) => r.pool.end()));
  }

  #raise(lsn: bigint): void {
    if (lsn > this.#fence) this.#fence = lsn;
  }

  /** Asks a replica how far it has replayed, once at a time. */
  #ask(replica: Replica): void {
    if (replica.asking || this.#closed) return;
    replica.asking = true;
    replica.pool
      .query<{ lsn: string | null }>('select pg_last_wal_replay_lsn()::text as lsn')
      .then(({ rows }) => {
        const replayed = lsnValue(rows[0]?.lsn);
        if (replayed > replica.replayed) replica.replayed = replayed;
      })
      .catch(() => this.failed(replica))
      .finally(() => {
        replica.asking = false;
      });
  }
}
