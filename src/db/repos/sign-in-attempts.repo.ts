import type { Tx } from '../../services/ports.ts';
import { dbOrTx, type Executor } from '../executor.ts';

/**
 * Every sign-in attempt, kept in the database so that rate limits hold across processes and
 * failures are on record.
 */
export class SignInAttemptsRepo {
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

  /** Failures since the last success (or since `since`), for one address or one account. */
  async recentFailures(
    by: { email?: string; ip?: string },
    since: string,
    tx?: Tx,
  ): Promise<{ count: number; last: string | null }> {
    const db = dbOrTx(this.db, tx);
    let lastSuccess = db
      .selectFrom('signInAttempts')
      .select((eb) => eb.fn.max('at').as('at'))
      .where('succeeded', '=', 1);
    let failures = db
      .selectFrom('signInAttempts')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('last')])
      .where('succeeded', '=', 0)
      .where('at', '>=', since);
    if (by.email !== undefined) {
      lastSuccess = lastSuccess.where('email', '=', by.email);
      failures = failures.where('email', '=', by.email);
    }
    if (by.ip !== undefined) {
      lastSuccess = lastSuccess.where('ip', '=', by.ip);
      failures = failures.where('ip', '=', by.ip);
    }
    const success = (await lastSuccess.executeTakeFirst())?.at ?? null;
    if (success) failures = failures.where('at', '>', String(success));
    const row = await failures.executeTakeFirstOrThrow();
    return { count: Number(row.n), last: row.last ? String(row.last) : null };
  }
}
