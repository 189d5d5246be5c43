import type { Tx } from '../../../core/ports.ts';
import type { AuthChallengesRepository } from '../../../core/repositories/auth-challenges-repository.ts';
import type { AuthChallengeTable } from '../database.ts';
import { dbOrTx, type Executor } from '../executor.ts';

/** WebAuthn challenges, each usable once and for a few minutes, by whichever process answers. */
export class AuthChallengesRepo implements AuthChallengesRepository {
  constructor(private readonly db: Executor) {}

  async insert(c: AuthChallengeTable, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx).insertInto('authChallenges').values(c).execute();
  }

  /** Returns the challenge and deletes it: a challenge answers one ceremony only. */
  async take(id: string, now: string, tx?: Tx): Promise<AuthChallengeTable | undefined> {
    const db = dbOrTx(this.db, tx);
    const row = await db
      .selectFrom('authChallenges')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const r = await db.deleteFrom('authChallenges').where('id', '=', id).executeTakeFirst();
    await db.deleteFrom('authChallenges').where('expiresAt', '<=', now).execute();
    return Number(r.numDeletedRows) === 1 && row.expiresAt > now ? row : undefined;
  }
}
