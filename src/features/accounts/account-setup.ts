import type { AuditTrail } from '../../core/audit-trail.ts';
import type { User } from '../../core/entities.ts';
import { ValidationError } from '../../core/errors.ts';
import type { Clock, Transactor, Tx } from '../../core/ports.ts';
import type { Repositories } from '../../core/repositories.ts';
import { hashToken } from '../../core/secret-tokens.ts';
import { SignInError } from './auth-errors.ts';
import { hashPassword } from './password-hasher.ts';
import { newRecoveryCodes } from './recovery-codes.ts';
import { verifyTotp } from './totp.ts';

export interface SetupDeps {
  repos: Pick<Repositories, 'users' | 'setupTokens' | 'credentials' | 'sessions' | 'audit'>;
  transactor: Transactor;
  clock: Clock;
  audit: AuditTrail;
}

/** The user a set-up link belongs to, if the link is unused and unexpired. Spends nothing. */
export async function userForSetupToken(deps: SetupDeps, token: string): Promise<User | null> {
  const found = await deps.repos.setupTokens.findUsable(
    hashToken(token),
    deps.clock.now().toISOString(),
  );
  return found ? ((await deps.repos.users.findById(found.userId)) ?? null) : null;
}

/** NIST SP 800-63B: length matters, composition rules do not. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < 12) return 'Use at least 12 characters';
  if (password.length > 1000) return 'Use at most 1000 characters';
  if (password.toLowerCase() === email.toLowerCase()) return 'Do not use your e-mail address';
  return null;
}

/**
 * Completes set-up with a password and an authenticator app. The code proves the app holds the
 * secret before it is trusted. Returns the recovery codes, shown to the user once.
 */
export async function setUpPasswordAndTotp(
  deps: SetupDeps,
  token: string,
  input: { password: string; totpSecret: string; code: string; ip: string | null },
): Promise<{ user: User; recoveryCodes: string[] }> {
  const user = await userForSetupToken(deps, token);
  if (!user)
    throw new SignInError(
      'This set-up link has expired or was already used. Ask an admin for a new one.',
    );
  const problem = passwordProblem(input.password, user.email);
  if (problem)
    throw new ValidationError(`password: ${problem}`, [{ path: 'password', message: problem }]);
  const now = deps.clock.now();
  if ((await verifyTotp(input.totpSecret, input.code, now, null)) === null) {
    throw new ValidationError('code: That code does not match; check the time on your phone', [
      { path: 'code', message: 'That code does not match; check the time on your phone' },
    ]);
  }
  const passwordHash = await hashPassword(input.password);
  const { codes, hashes } = newRecoveryCodes();
  await deps.transactor.transaction(async (tx) => {
    if (!(await deps.repos.setupTokens.use(hashToken(token), now.toISOString(), tx))) {
      throw new SignInError('This set-up link was used a moment ago.');
    }
    await endOtherWaysIn(deps, user.id, now.toISOString(), tx);
    await deps.repos.credentials.removePasskeysExcept(user.id, null, tx);
    await deps.repos.credentials.setPassword(user.id, passwordHash, now.toISOString(), tx);
    await deps.repos.credentials.setTotp(user.id, input.totpSecret, now.toISOString(), tx);
    await deps.repos.credentials.replaceRecoveryCodes(user.id, hashes, now.toISOString(), tx);
    await deps.audit.record(
      { userId: user.id, label: user.email, ip: input.ip },
      'auth.totp.enable',
      { type: 'user', id: user.id },
      { via: 'setup-link' },
      tx,
    );
  });
  return { user, recoveryCodes: codes };
}

/**
 * Spends a set-up link once a passkey was registered through it. That passkey becomes the
 * account's only way in: the password, the authenticator app, the recovery codes and every other
 * passkey go.
 */
export async function finishSetupWithPasskey(
  deps: SetupDeps,
  token: string,
  keepCredentialId: string,
): Promise<void> {
  const now = deps.clock.now().toISOString();
  await deps.transactor.transaction(async (tx) => {
    const found = await deps.repos.setupTokens.findUsable(hashToken(token), now, tx);
    if (!found || !(await deps.repos.setupTokens.use(hashToken(token), now, tx))) {
      throw new SignInError('This set-up link has expired or was already used.');
    }
    await endOtherWaysIn(deps, found.userId, now, tx);
    await deps.repos.credentials.removePasskeysExcept(found.userId, keepCredentialId, tx);
    await deps.repos.credentials.clearPasswordAndTotp(found.userId, now, tx);
    await deps.repos.credentials.replaceRecoveryCodes(found.userId, [], now, tx);
  });
}

/**
 * Set-up replaces how an account signs in, so nothing from before it may still open the account:
 * the user's other links are spent, every session opened before it ends, and the credentials it
 * does not set are removed. A link that leaked,
 * or a browser left signed in on a lost laptop, is then of no use.
 */
async function endOtherWaysIn(deps: SetupDeps, userId: number, now: string, tx: Tx) {
  await deps.repos.setupTokens.spendAllOf(userId, now, tx);
  await deps.repos.sessions.revokeAllOf(userId, now, tx);
}
