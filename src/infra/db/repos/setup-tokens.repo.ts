import type { Tx } from '../../../core/ports.ts';
import type { SetupTokensRepository } from '../../../core/repositories/setup-tokens-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';
import { stampUnset } from './entity-table.ts';

/** One-time set-up links: stored hashed, valid until used or expired. */
export class SetupTokensRepo implements SetupTokensRepository {
  constructor(private readonly db: Executor) {}

  async insert(
    t: { tokenHash: string; userId: number; createdAt: string; expiresAt: string },
    tx?: Tx,
  ): Promise<void> {
    await dbOrTx(this.db, tx)
      .insertInto('setupTokens')
      .values({ ...t, usedAt: null })
      .execute();
  }

  async findUsable(
    tokenHash: string,
    now: string,
    tx?: Tx,
  ): Promise<{ userId: number } | undefined> {
    return dbOrTx(this.db, tx)
      .selectFrom('setupTokens')
      .select('userId')
      .where('tokenHash', '=', tokenHash)
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', now)
      .executeTakeFirst();
  }

  /**
   * Spends every unused link of a user: a new link replaces the old ones, and finishing set-up
   * through one leaves no other that could replace the credentials again.
   */
  spendAllOf(userId: number, now: string, tx?: Tx): Promise<number> {
    return stampUnset(this.db, 'setupTokens', 'usedAt', now, 'userId', userId, tx);
  }

  /** Spends the token; false when it was already spent or expired (a second tab, a replay). */
  async use(tokenHash: string, now: string, tx?: Tx): Promise<boolean> {
    const r = await dbOrTx(this.db, tx)
      .updateTable('setupTokens')
      .set({ usedAt: now })
      .where('tokenHash', '=', tokenHash)
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', now)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
