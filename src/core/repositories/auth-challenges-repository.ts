import type { Tx } from '../ports.ts';

/** A WebAuthn challenge as issued, until a ceremony answers it. */
export interface AuthChallenge {
  id: string;
  challenge: string;
  purpose: 'register' | 'authenticate';
  userId: number | null;
  expiresAt: string;
}

/** WebAuthn challenges, each usable once and for a few minutes, by whichever process answers. */
export interface AuthChallengesRepository {
  insert(c: AuthChallenge, tx?: Tx): Promise<void>;
  /** Returns the challenge and deletes it: a challenge answers one ceremony only. */
  take(id: string, now: string, tx?: Tx): Promise<AuthChallenge | undefined>;
}
