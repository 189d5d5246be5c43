import type { Actor } from '../../core/actor.ts';
import type { AuditTrail } from '../../core/audit-trail.ts';
import type { UserRole } from '../../core/content-types.ts';
import type { User } from '../../core/entities.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import type { Clock, Transactor, Tx } from '../../core/ports.ts';
import type { Repositories } from '../../core/repositories.ts';
import { userInput } from '../../core/schemas.ts';
import { hashToken, newToken } from '../../core/secret-tokens.ts';
import { validate } from '../../core/validate.ts';

export interface ManageUsersDeps {
  repos: Pick<Repositories, 'users' | 'setupTokens' | 'sessions' | 'apiTokens' | 'audit'>;
  transactor: Transactor;
  clock: Clock;
  audit: AuditTrail;
}

const SETUP_LINK_HOURS = 72;

/**
 * Adds a staff account and returns a one-time set-up link (valid 72 hours). The new user sets
 * a passkey, or a password with TOTP, through that link: nobody ever sends a password.
 */
export async function addUser(
  deps: ManageUsersDeps,
  input: { email: string; displayName?: string; role: UserRole },
  actor: Actor,
  publicUrl: string,
): Promise<{ user: User; setupUrl: string; expiresAt: string }> {
  const data = validate(userInput, {
    ...input,
    displayName: input.displayName ?? input.email.split('@')[0],
  });
  const now = deps.clock.now();
  return deps.transactor.transaction(async (tx) => {
    if (await deps.repos.users.findByEmail(data.email, tx)) {
      throw new ValidationError('email: A user with this address exists', [
        { path: 'email', message: 'A user with this address exists' },
      ]);
    }
    const user = await deps.repos.users.insert(data, now.toISOString(), tx);
    const link = await issueSetupToken(deps, user.id, tx);
    await deps.audit.record(
      actor,
      'user.create',
      { type: 'user', id: user.id },
      { email: user.email, role: user.role },
      tx,
    );
    return { user, setupUrl: `${publicUrl}/admin/setup/${link.token}`, expiresAt: link.expiresAt };
  });
}

/** A new link is the only one: any link issued before it stops working. */
async function issueSetupToken(deps: ManageUsersDeps, userId: number, tx: Tx) {
  const now = deps.clock.now();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SETUP_LINK_HOURS * 3600_000).toISOString();
  await deps.repos.setupTokens.spendAllOf(userId, now.toISOString(), tx);
  await deps.repos.setupTokens.insert(
    { tokenHash: hashToken(token), userId, createdAt: now.toISOString(), expiresAt },
    tx,
  );
  return { token, expiresAt };
}

/**
 * A fresh set-up link for an existing user who lost every way in (a lost phone, say). Links
 * issued before it stop working.
 */
export async function reissueSetupLink(
  deps: ManageUsersDeps,
  userId: number,
  actor: Actor,
  publicUrl: string,
) {
  return deps.transactor.transaction(async (tx) => {
    const user = await deps.repos.users.findById(userId, tx);
    if (!user) throw new NotFoundError('No such user');
    const link = await issueSetupToken(deps, userId, tx);
    await audit(deps, actor, 'user.setup-link', userId, {}, tx);
    return { setupUrl: `${publicUrl}/admin/setup/${link.token}`, expiresAt: link.expiresAt };
  });
}

/** Changes a role and ends the user's sessions: a privilege change always means a new session. */
export async function changeRole(
  deps: ManageUsersDeps,
  userId: number,
  role: UserRole,
  actor: Actor,
): Promise<void> {
  await deps.transactor.transaction(async (tx) => {
    const user = await deps.repos.users.findById(userId, tx);
    if (!user) throw new NotFoundError('No such user');
    if (user.role === role) return;
    await deps.repos.users.update(userId, { role }, deps.clock.now().toISOString(), tx);
    await deps.repos.sessions.revokeAllOf(userId, deps.clock.now().toISOString(), tx);
    await audit(deps, actor, 'user.role', userId, { from: user.role, to: role }, tx);
  });
}

export async function setDisabled(
  deps: ManageUsersDeps,
  userId: number,
  disabled: boolean,
  actor: Actor,
): Promise<void> {
  await deps.transactor.transaction(async (tx) => {
    const at = deps.clock.now().toISOString();
    await deps.repos.users.update(userId, { disabled }, at, tx);
    if (!disabled) {
      await audit(deps, actor, 'user.enable', userId, {}, tx);
      return;
    }
    // Disabling ends every way the account acts: re-enabling it later must not bring back a token
    // that was handed out before, perhaps to someone who has since left.
    await deps.repos.sessions.revokeAllOf(userId, at, tx);
    const apiTokens = await deps.repos.apiTokens.revokeAllOf(userId, at, tx);
    await audit(deps, actor, 'user.disable', userId, { apiTokensRevoked: apiTokens }, tx);
  });
}

export async function revokeSessions(
  deps: ManageUsersDeps,
  userId: number,
  actor: Actor,
): Promise<number> {
  return deps.transactor.transaction(async (tx) => {
    const n = await deps.repos.sessions.revokeAllOf(userId, deps.clock.now().toISOString(), tx);
    await audit(deps, actor, 'user.sessions.revoke', userId, { sessions: n }, tx);
    return n;
  });
}

async function audit(
  deps: ManageUsersDeps,
  actor: Actor,
  action: string,
  userId: number,
  detail: Record<string, unknown>,
  tx: Tx,
) {
  await deps.audit.record(actor, action, { type: 'user', id: userId }, detail, tx);
}
