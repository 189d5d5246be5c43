import type { Tx } from '../ports.ts';

/**
 * The outcome of every sign-in attempt, on record. The rate limit counts in `SignInLimitsRepo`,
 * before a password is checked.
 */
export interface SignInAttemptsRepository {
  record(
    a: {
      at: string;
      email: string | null;
      ip: string | null;
      succeeded: boolean;
    },
    tx?: Tx,
  ): Promise<void>;
}
