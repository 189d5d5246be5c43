import type { Tx } from '../ports.ts';

/** A registered passkey: its public key and signature counter. */
export interface PasskeyRow {
  id: number;
  userId: number;
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string | null;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface UserSecrets {
  id: number;
  passwordHash: string | null;
  totpSecret: string | null;
  totpConfirmedAt: string | null;
  totpLastStep: number | null;
}

/** What proves who a user is: password hash, TOTP secret, passkeys and recovery codes. */
export interface CredentialsRepository {
  secretsOf(userId: number, tx?: Tx): Promise<UserSecrets | undefined>;
  setPassword(userId: number, passwordHash: string, at: string, tx?: Tx): Promise<void>;
  setTotp(
    userId: number,
    secret: string | null,
    confirmedAt: string | null,
    tx?: Tx,
  ): Promise<void>;
  /**
   * Records the TOTP step just used, only if it is newer than the last one: of two sign-ins racing
   * with the same code, one wins.
   */
  claimTotpStep(userId: number, step: number, tx?: Tx): Promise<boolean>;
  addPasskey(p: Omit<PasskeyRow, 'id'>, tx?: Tx): Promise<void>;
  passkeysOf(userId: number, tx?: Tx): Promise<PasskeyRow[]>;
  findPasskey(credentialId: string, tx?: Tx): Promise<PasskeyRow | undefined>;
  usePasskey(id: number, counter: number, at: string, tx?: Tx): Promise<void>;
  /** Removes every passkey of a user but the one named (or all of them, given null). */
  removePasskeysExcept(userId: number, keepCredentialId: string | null, tx?: Tx): Promise<void>;
  /** Removes the password and the authenticator app: the account signs in by passkey only. */
  clearPasswordAndTotp(userId: number, at: string, tx?: Tx): Promise<void>;
  removePasskey(userId: number, id: number, tx?: Tx): Promise<boolean>;
  replaceRecoveryCodes(userId: number, hashes: string[], at: string, tx?: Tx): Promise<void>;
  /** Marks an unused recovery code as used; false if there is none with this hash. */
  useRecoveryCode(userId: number, codeHash: string, at: string, tx?: Tx): Promise<boolean>;
  unusedRecoveryCodes(userId: number, tx?: Tx): Promise<number>;
}
