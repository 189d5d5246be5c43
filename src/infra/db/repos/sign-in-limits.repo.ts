import type { Tx } from '../../../core/ports.ts';
import type {
  SignInLimitRow,
  SignInLimitsRepository,
} from '../../../core/repositories/sign-in-limits-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';
import { findRowBy } from './entity-table.ts';

/**
 * Failed sign-ins counted per account and per address, shared by every process. A count moves
 * only by compare-and-set: a writer names the version it read, and loses if another wrote first.
 */
export class SignInLimitsRepo implements SignInLimitsRepository {
  constructor(private readonly db: Executor) {}

  find(key: string, tx?: Tx): Promise<SignInLimitRow | undefined> {
    return findRowBy(this.db, 'signInLimits', 'key', key, tx);
  }

  /**
   * Writes the next count if the row is still as `seen` (absent, or at `seen.version`); false
   * when another attempt changed it in between, and the caller must read it again.
   */
  async compareAndSet(
    key: string,
    seen: SignInLimitRow | undefined,
    next: { failures: number; lastFailureAt: string },
    tx?: Tx,
  ): Promise<boolean> {
    const db = dbOrTx(this.db, tx);
    if (!seen) {
      const made = await db
        .insertInto('signInLimits')
        .values({ key, ...next, version: 1 })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('key')
        .executeTakeFirst();
      return made !== undefined;
    }
    const r = await db
      .updateTable('signInLimits')
      .set({ ...next, version: seen.version + 1 })
      .where('key', '=', key)
      .where('version', '=', seen.version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** A success: the key's failures no longer count. */
  async clear(key: string, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx)
      .updateTable('signInLimits')
      .set((eb) => ({ failures: 0, version: eb('version', '+', 1) }))
      .where('key', '=', key)
      .where('failures', '>', 0)
      .execute();
  }
}
