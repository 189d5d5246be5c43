import type { User } from '../../core/entities.ts';
import type { Clock } from '../../core/ports.ts';
import type { Repositories } from '../../core/repositories.ts';
import { hashToken, newToken } from '../../core/secret-tokens.ts';
import { securitySettings } from './security-settings.ts';

export interface SessionDeps {
  repos: Pick<Repositories, 'sessions' | 'users' | 'settings' | 'audit'>;
  clock: Clock;
}

export interface NewSession {
  /** The cookie's value; only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: string;
}

/** Starts a session. Each sign-in makes a new token, so a session id fixed before sign-in is useless. */
export async function startSession(
  deps: SessionDeps,
  user: User,
  method: 'passkey' | 'password',
  client: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const now = deps.clock.now();
  const policy = await securitySettings(deps.repos);
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + policy.absoluteTimeoutHours * 3600_000).toISOString();
  await deps.repos.sessions.insert({
    tokenHash: hashToken(token),
    userId: user.id,
    csrfToken,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt,
    revokedAt: null,
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
    method,
  });
  return { token, csrfToken, expiresAt };
}

export interface ActiveSession {
  user: User;
  csrfToken: string;
  tokenHash: string;
  method: 'passkey' | 'password';
}

/**
 * The user behind a cookie, or null when the session is unknown, revoked, idle too long, past
 * its absolute lifetime, or its user is disabled.
 */
export async function resolveSession(
  deps: SessionDeps,
  token: string | undefined,
): Promise<ActiveSession | null> {
  if (!token || token.length > 100) return null;
  const now = deps.clock.now();
  const tokenHash = hashToken(token);
  const session = await deps.repos.sessions.find(tokenHash);
  if (!session || session.revokedAt !== null) return null;
  const policy = await securitySettings(deps.repos);
  const idleLimit = new Date(session.lastSeenAt).getTime() + policy.idleTimeoutMinutes * 60_000;
  if (session.expiresAt <= now.toISOString() || idleLimit <= now.getTime()) return null;
  const user = await deps.repos.users.findById(session.userId);
  if (!user || user.disabled) return null;
  // Writing on every request would serialize readers on SQLite; a minute's precision is plenty.
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > 60_000) {
    await deps.repos.sessions.touch(tokenHash, now.toISOString());
  }
  return { user, csrfToken: session.csrfToken, tokenHash, method: session.method };
}

export async function endSession(deps: SessionDeps, tokenHash: string): Promise<void> {
  await deps.repos.sessions.revoke(tokenHash, deps.clock.now().toISOString());
}
