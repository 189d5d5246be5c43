import type { AuditTrail } from '../../core/audit-trail.ts';
import type { User } from '../../core/entities.ts';
import type { Repositories } from '../../core/repositories.ts';
import { SignInError } from './auth-errors.ts';
import { clearSignInFailures } from './sign-in-rate-limit.ts';

/**
 * How every way of signing in ends: each attempt goes to the attempt log and the audit trail,
 * whatever the method, so that both read the same for passwords and passkeys.
 */
export interface SignInOutcomeDeps {
  repos: Pick<Repositories, 'signInAttempts' | 'signInLimits'>;
  audit: AuditTrail;
}

export interface SignInAttempt {
  at: Date;
  /** The address the attempt was for: typed in, or that of the passkey's account. */
  email: string | null;
  ip: string | null;
  method: string;
}

/** Records a refused attempt and refuses it; the error never says which part was wrong. */
export async function refuseSignIn(
  deps: SignInOutcomeDeps,
  attempt: SignInAttempt,
  reason: string,
  user?: User,
): Promise<never> {
  await logAttempt(deps, attempt, { userId: user?.id ?? null, label: attempt.email }, { reason });
  throw new SignInError();
}

/** Records an accepted attempt; the failures counted against its address and client end. */
export async function acceptSignIn(
  deps: SignInOutcomeDeps,
  attempt: SignInAttempt,
  user: User,
): Promise<User> {
  await clearSignInFailures(deps.repos, { email: attempt.email, ip: attempt.ip });
  await logAttempt(deps, attempt, { userId: user.id, label: user.email }, null);
  return user;
}

/** `failure` says why an attempt was refused; an accepted one has none. */
async function logAttempt(
  deps: SignInOutcomeDeps,
  attempt: SignInAttempt,
  who: { userId: number | null; label: string | null },
  failure: { reason: string } | null,
): Promise<void> {
  const { email, ip } = attempt;
  const succeeded = failure === null;
  await deps.repos.signInAttempts.record({ at: attempt.at.toISOString(), email, ip, succeeded });
  await deps.audit.record(
    { userId: who.userId, label: who.label, ip },
    succeeded ? 'auth.sign-in' : 'auth.sign-in.failed',
    { type: 'user', id: who.userId },
    { method: attempt.method, ...failure },
  );
}
