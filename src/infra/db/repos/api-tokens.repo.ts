import type { Tx } from '../../../core/ports.ts';
import type {
  ApiTokenListing,
  ApiTokenRow,
  ApiTokensRepository,
} from '../../../core/repositories/api-tokens-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';

/** API tokens, found by the hash of their secret; the secret itself is never stored. */
export class ApiTokensRepo implements ApiTokensRepository {
  constructor(private readonly db: Executor) {}

  async insert(
    t: Omit<ApiTokenRow, 'id' | 'lastUsedAt' | 'lastUsedIp' | 'revokedAt'>,
    tx?: Tx,
  ): Promise<number> {
    const { id } = await dbOrTx(this.db, tx)
      .insertInto('apiTokens')
      .values({ ...t, lastUsedAt: null, lastUsedIp: null, revokedAt: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async findByHash(tokenHash: string, tx?: Tx): Promise<ApiTokenRow | undefined> {
    return dbOrTx(this.db, tx)
      .selectFrom('apiTokens')
      .selectAll()
      .where('tokenHash', '=', tokenHash)
      .executeTakeFirst();
  }

  async findById(id: number, tx?: Tx): Promise<ApiTokenRow | undefined> {
    return dbOrTx(this.db, tx)
      .selectFrom('apiTokens')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Every token, newest first, with the account it acts for. */
  async list(tx?: Tx): Promise<ApiTokenListing[]> {
    return dbOrTx(this.db, tx)
      .selectFrom('apiTokens as t')
      .innerJoin('users as u', 'u.id', 't.userId')
      .select([
        't.id',
        't.userId',
        't.name',
        't.prefix',
        't.scopes',
        't.createdAt',
        't.createdByUserId',
        't.lastUsedAt',
        't.lastUsedIp',
        't.revokedAt',
        'u.email as userEmail',
        'u.role as userRole',
      ])
      .orderBy('t.id', 'desc')
      .execute();
  }

  /** Revokes once; false when the token was already revoked or does not exist. */
  async revoke(id: number, at: string, tx?: Tx): Promise<boolean> {
    const r = await dbOrTx(this.db, tx)
      .updateTable('apiTokens')
      .set({ revokedAt: at })
      .where('id', '=', id)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async revokeAllOf(userId: number, at: string, tx?: Tx): Promise<number> {
    const r = await dbOrTx(this.db, tx)
      .updateTable('apiTokens')
      .set({ revokedAt: at })
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async touch(id: number, at: string, ip: string | null, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx)
      .updateTable('apiTokens')
      .set({ lastUsedAt: at, lastUsedIp: ip })
      .where('id', '=', id)
      .execute();
  }
}
