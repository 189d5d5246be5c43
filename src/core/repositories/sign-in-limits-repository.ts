import type { Tx } from '../ports.ts';

/** A counter of failed sign-ins for one account or address. */
export interface SignInLimitRow {
  key: string;
  failures: number;
  lastFailureAt: string | null;
  version: number;
}

/**
 * Failed sign-ins counted per account and per address, shared by every process. A count moves
 * only by compare-and-set: a writer names the version it read, and loses if another wrote first.
 */
export interface SignInLimitsRepository {
  find(key: string, tx?: Tx): Promise<SignInLimitRow | undefined>;
  /**
   * Writes the next count if the row is still as `seen` (absent, or at `seen.version`); false
   * when another attempt changed it in between, and the caller must read it again.
   */
  compareAndSet(
    key: string,
    seen: SignInLimitRow | undefined,
    next: {
      failures: number;
      lastFailureAt: string;
    },
    tx?: Tx,
  ): Promise<boolean>;
  /** A success: the key's failures no longer count. */
  clear(key: string, tx?: Tx): Promise<void>;
}
