import type { Tx } from '../ports.ts';

/** A server-side session, found by the hash of its cookie's token. */
export interface SessionRow {
  tokenHash: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  revokedAt: string | null;
  ip: string | null;
  userAgent: string | null;
  method: 'passkey' | 'password';
}

/** Server-side sessions, keyed by the hash of the cookie's token, shared by every process. */
export interface SessionsRepository {
  insert(session: SessionRow, tx?: Tx): Promise<void>;
  find(tokenHash: string, tx?: Tx): Promise<SessionRow | undefined>;
  touch(tokenHash: string, at: string, tx?: Tx): Promise<void>;
  revoke(tokenHash: string, at: string, tx?: Tx): Promise<void>;
  /** Ends every session of a user, e.g. after a role change or when an admin locks them out. */
  revokeAllOf(userId: number, at: string, tx?: Tx): Promise<number>;
  activeOf(userId: number, now: string, tx?: Tx): Promise<SessionRow[]>;
}
