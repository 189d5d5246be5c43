import type { Tx } from '../ports.ts';

/** One-time set-up links: stored hashed, valid until used or expired. */
export interface SetupTokensRepository {
  insert(
    t: {
      tokenHash: string;
      userId: number;
      createdAt: string;
      expiresAt: string;
    },
    tx?: Tx,
  ): Promise<void>;
  findUsable(
    tokenHash: string,
    now: string,
    tx?: Tx,
  ): Promise<
    | {
        userId: number;
      }
    | undefined
  >;
  /**
   * Spends every unused link of a user: a new link replaces the old ones, and finishing set-up
   * through one leaves no other that could replace the credentials again.
   */
  spendAllOf(userId: number, now: string, tx?: Tx): Promise<number>;
  /** Spends the token; false when it was already spent or expired (a second tab, a replay). */
  use(tokenHash: string, now: string, tx?: Tx): Promise<boolean>;
}
