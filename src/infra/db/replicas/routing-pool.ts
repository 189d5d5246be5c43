import type pg from 'pg';
import { replicaReadsAllowed } from './read-scope.ts';
import { isReadStatement } from './read-statements.ts';
import type { Replica, ReplicaSet } from './replica-set.ts';

type QueryArg = string | pg.QueryConfig;

const BEGINS = /^\s*(?:begin|start\s+transaction)\b/i;
const ENDS = /^\s*(?:commit|end|abort|rollback(?!\s+to\b))\b/i;
const COMMITS = /^\s*(?:commit|end)\b/i;

/**
 * The pool Kysely and the prepared queries see: it hands out a client that chooses, statement by
 * statement, between the primary and a replica.
 *
 * A read goes to a replica only inside an anonymous reader's request (read-scope.ts), outside a
 * transaction, and only to a replica that has caught up with the fence (replica-set.ts). A read
 * that a replica fails (it went away, or cancelled the read for a conflict with recovery) is asked
 * again of the primary, since reading twice changes nothing. Everything else goes to the primary,
 * and a commit, or a write outside a transaction, moves the fence before its result returns.
 */
export class RoutingPool {
  readonly #set: ReplicaSet;

  constructor(set: ReplicaSet) {
    this.#set = set;
  }

  async connect(): Promise<RoutedClient> {
    return new RoutedClient(this.#set, replicaReadsAllowed());
  }

  async query(arg: QueryArg, values?: unknown[]): Promise<pg.QueryResult> {
    const client = new RoutedClient(this.#set, replicaReadsAllowed());
    try {
      return await client.query(arg, values);
    } finally {
      client.release();
    }
  }

  async end(): Promise<void> {
    await this.#set.close();
    await this.#set.primary.end();
  }
}

export class RoutedClient {
  readonly #set: ReplicaSet;
  readonly #replicaAllowed: boolean;
  #primary: pg.PoolClient | null = null;
  #inTransaction = false;

  constructor(set: ReplicaSet, replicaAllowed: boolean) {
    this.#set = set;
    this.#replicaAllowed = replicaAllowed;
  }

  async query(arg: QueryArg, values?: unknown[]): Promise<pg.QueryResult> {
    const text = typeof arg === 'string' ? arg : arg.text;
    if (this.#replicaAllowed && !this.#inTransaction && isReadStatement(text)) {
      const replica = this.#set.pick();
      if (replica) {
        const answer = await this.#onReplica(replica, arg, values);
        if (answer) return answer;
      }
    }
    return this.#onPrimary(text, arg, values);
  }

  release(error?: Error | boolean): void {
    this.#primary?.release(error);
    this.#primary = null;
  }

  async #onReplica(
    replica: Replica,
    arg: QueryArg,
    values: unknown[] | undefined,
  ): Promise<pg.QueryResult | null> {
    let client: pg.PoolClient | null = null;
    try {
      client = await replica.pool.connect();
      const result = await client.query(arg as string, values);
      client.release();
      this.#set.answered.replica++;
      return result;
    } catch (error) {
      client?.release(error as Error);
      if (isReplicaTrouble(error)) this.#set.failed(replica);
      return null;
    }
  }

  async #onPrimary(text: string, arg: QueryArg, values?: unknown[]): Promise<pg.QueryResult> {
    this.#primary ??= await this.#set.primary.connect();
    const client = this.#primary;
    if (BEGINS.test(text)) this.#inTransaction = true;
    const commits = this.#inTransaction ? COMMITS.test(text) : !isReadStatement(text);
    if (ENDS.test(text)) this.#inTransaction = false;
    this.#set.answered.primary++;
    if (!commits) return client.query(arg as string, values);
    const settle = this.#set.beginFence();
    try {
      const result = await client.query(arg as string, values);
      const { rows } = await client.query<{ lsn: string }>(
        'select pg_current_wal_lsn()::text as lsn',
      );
      settle(rows[0]?.lsn ?? null);
      return result;
    } catch (error) {
      settle(null);
      throw error;
    }
  }
}

/**
 * Whether a replica's error says something about the replica (gone, starting, shutting down,
 * cancelled for recovery, out of resources) rather than about the statement, which the primary
 * will then refuse too.
 */
function isReplicaTrouble(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code !== 'string' || /^(?:08|40|53|57|58)/.test(code);
}
