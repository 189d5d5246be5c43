import type { Tx } from '../../../core/ports.ts';
import type { SignInAttemptsRepository } from '../../../core/repositories/sign-in-attempts-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';

/**
 * The outcome of every sign-in attempt, on record. The rate limit counts in `SignInLimitsRepo`,
 * before a password is checked.
 */
export class SignInAttemptsRepo implements SignInAttemptsRepository {
  constructor(private readonly db: Executor) {}

  async record(
    a: { at: string; email: string | null; ip: string | null; succeeded: boolean },
    tx?: Tx,
  ): Promise<void> {
    await dbOrTx(this.db, tx)
      .insertInto('signInAttempts')
      .values({ ...a, succeeded: a.succeeded ? 1 : 0 })
      .execute();
  }
}
