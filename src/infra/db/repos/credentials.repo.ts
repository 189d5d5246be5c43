import type { Tx } from '../../../core/ports.ts';
import type {
  CredentialsRepository,
  PasskeyRow,
  UserSecrets,
} from '../../../core/repositories/credentials-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';
import { findRowBy } from './entity-table.ts';

/** What proves who a user is: password hash, TOTP secret, passkeys and recovery codes. */
export class CredentialsRepo implements CredentialsRepository {
  constructor(private readonly db: Executor) {}

  async secretsOf(userId: number, tx?: Tx): Promise<UserSecrets | undefined> {
    return dbOrTx(this.db, tx)
      .selectFrom('users')
      .select(['id', 'passwordHash', 'totpSecret', 'totpConfirmedAt', 'totpLastStep'])
      .where('id', '=', userId)
      .executeTakeFirst();
  }

  async setPassword(userId: number, passwordHash: string, at: string, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx)
      .updateTable('users')
      .set({ passwordHash, updatedAt: at })
      .where('id', '=', userId)
      .execute();
  }

  async setTotp(
    userId: number,
    secret: string | null,
    confirmedAt: string | null,
    tx?: Tx,
  ): Promise<void> {
    await dbOrTx(this.db, tx)
      .updateTable('users')
      .set({ totpSecret: secret, totpConfirmedAt: confirmedAt, totpLastStep: null })
      .where('id', '=', userId)
      .execute();
  }

  /**
   * Records the TOTP step just used, only if it is newer than the last one: of two sign-ins racing
   * with the same code, one wins.
   */
  async claimTotpStep(userId: number, step: number, tx?: Tx): Promise<boolean> {
    const result = await dbOrTx(this.db, tx)
      .updateTable('users')
      .set({ totpLastStep: step })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('totpLastStep', 'is', null), eb('totpLastStep', '<', step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async addPasskey(p: Omit<PasskeyRow, 'id'>, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx).insertInto('passkeys').values(p).execute();
  }

  async passkeysOf(userId: number, tx?: Tx): Promise<PasskeyRow[]> {
    return dbOrTx(this.db, tx)
      .selectFrom('passkeys')
      .selectAll()
      .where('userId', '=', userId)
      .orderBy('id')
      .execute();
  }

  findPasskey(credentialId: string, tx?: Tx): Promise<PasskeyRow | undefined> {
    return findRowBy(this.db, 'passkeys', 'credentialId', credentialId, tx);
  }

  async usePasskey(id: number, counter: number, at: string, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx)
      .updateTable('passkeys')
      .set({ counter, lastUsedAt: at })
      .where('id', '=', id)
      .execute();
  }

  /** Removes every passkey of a user but the one named (or all of them, given null). */
  async removePasskeysExcept(
    userId: number,
    keepCredentialId: string | null,
    tx?: Tx,
  ): Promise<void> {
    let q = dbOrTx(this.db, tx).deleteFrom('passkeys').where('userId', '=', userId);
    if (keepCredentialId !== null) q = q.where('credentialId', '<>', keepCredentialId);
    await q.execute();
  }

  /** Removes the password and the authenticator app: the account signs in by passkey only. */
  async clearPasswordAndTotp(userId: number, at: string, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx)
      .updateTable('users')
      .set({
        passwordHash: null,
        totpSecret: null,
        totpConfirmedAt: null,
        totpLastStep: null,
        updatedAt: at,
      })
      .where('id', '=', userId)
      .execute();
  }

  async removePasskey(userId: number, id: number, tx?: Tx): Promise<boolean> {
    const r = await dbOrTx(this.db, tx)
      .deleteFrom('passkeys')
      .where('id', '=', id)
      .where('userId', '=', userId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  async replaceRecoveryCodes(userId: number, hashes: string[], at: string, tx?: Tx): Promise<void> {
    const db = dbOrTx(this.db, tx);
    await db.deleteFrom('recoveryCodes').where('userId', '=', userId).execute();
    if (hashes.length > 0) {
      await db
        .insertInto('recoveryCodes')
        .values(hashes.map((codeHash) => ({ userId, codeHash, createdAt: at, usedAt: null })))
        .execute();
    }
  }

  /** Marks an unused recovery code as used; false if there is none with this hash. */
  async useRecoveryCode(userId: number, codeHash: string, at: string, tx?: Tx): Promise<boolean> {
    const r = await dbOrTx(this.db, tx)
      .updateTable('recoveryCodes')
      .set({ usedAt: at })
      .where('userId', '=', userId)
      .where('codeHash', '=', codeHash)
      .where('usedAt', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async unusedRecoveryCodes(userId: number, tx?: Tx): Promise<number> {
    const { n } = await dbOrTx(this.db, tx)
      .selectFrom('recoveryCodes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('userId', '=', userId)
      .where('usedAt', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(n);
  }
}
