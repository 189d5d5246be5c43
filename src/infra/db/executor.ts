import type { Kysely } from 'kysely';
import type { Transactor, Tx } from '../../core/ports.ts';
import type { Database } from './database.ts';

export type Executor = Kysely<Database>;

/** The transaction when a caller passes one, else the pool: every repository method takes one. */
export function dbOrTx(db: Executor, tx?: Tx): Executor {
  return (tx as unknown as Executor | undefined) ?? db;
}

export function transactor(db: Executor): Transactor {
  return {
    transaction: (fn) => db.transaction().execute((trx) => fn(trx as unknown as Tx)),
  };
}

export const flag = (b: boolean): 0 | 1 => (b ? 1 : 0);
