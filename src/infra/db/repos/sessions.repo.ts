import type { Tx } from '../../../core/ports.ts';
import type {
  SessionRow,
  SessionsRepository,
} from '../../../core/repositories/sessions-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';
import { findRowBy, stampUnset } from './entity-table.ts';

/** Server-side sessions, keyed by the hash of the cookie's token, shared by every process. */
export class SessionsRepo implements SessionsRepository {
  constructor(private readonly db: Executor) {}

  async insert(session: SessionRow, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx).insertInto('sessions').values(session).execute();
  }

  find(tokenHash: string, tx?: Tx): Promise<SessionRow | undefined> {
    return findRowBy(this.db, 'sessions', 'tokenHash', tokenHash, tx);
  }

  async touch(tokenHash: string, at: string, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx)
      .updateTable('sessions')
      .set({ lastSeenAt: at })
      .where('tokenHash', '=', tokenHash)
      .execute();
  }

  async revoke(tokenHash: string, at: string, tx?: Tx): Promise<void> {
    await stampUnset(this.db, 'sessions', 'revokedAt', at, 'tokenHash', tokenHash, tx);
  }

  /** Ends every session of a user, e.g. after a role change or when an admin locks them out. */
  revokeAllOf(userId: number, at: string, tx?: Tx): Promise<number> {
    return stampUnset(this.db, 'sessions', 'revokedAt', at, 'userId', userId, tx);
  }

  async activeOf(userId: number, now: string, tx?: Tx): Promise<SessionRow[]> {
    return dbOrTx(this.db, tx)
      .selectFrom('sessions')
      .selectAll()
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null)
      .where('expiresAt', '>', now)
      .orderBy('lastSeenAt', 'desc')
      .execute();
  }
}
