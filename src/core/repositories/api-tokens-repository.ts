import type { Tx } from '../ports.ts';

/** An API token as stored (the `api_tokens` table, migration 0040): its hash, never its secret. */
export interface ApiTokenRow {
  id: number;
  userId: number;
  name: string;
  tokenHash: string;
  prefix: string;
  scopes: string;
  createdAt: string;
  createdByUserId: number | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  revokedAt: string | null;
}

/** A token as staff see it in the back office: never its secret or hash. */
export type ApiTokenListing = Omit<ApiTokenRow, 'tokenHash'> & {
  userEmail: string;
  userRole: string;
};

/** API tokens, found by the hash of their secret; the secret itself is never stored. */
export interface ApiTokensRepository {
  insert(
    t: Omit<ApiTokenRow, 'id' | 'lastUsedAt' | 'lastUsedIp' | 'revokedAt'>,
    tx?: Tx,
  ): Promise<number>;
  findByHash(tokenHash: string, tx?: Tx): Promise<ApiTokenRow | undefined>;
  findById(id: number, tx?: Tx): Promise<ApiTokenRow | undefined>;
  /** Every token, newest first, with the account it acts for. */
  list(tx?: Tx): Promise<ApiTokenListing[]>;
  /** Revokes once; false when the token was already revoked or does not exist. */
  revoke(id: number, at: string, tx?: Tx): Promise<boolean>;
  /** Revokes every live token of an account; the number revoked. */
  revokeAllOf(userId: number, at: string, tx?: Tx): Promise<number>;
  touch(id: number, at: string, ip: string | null, tx?: Tx): Promise<void>;
}
