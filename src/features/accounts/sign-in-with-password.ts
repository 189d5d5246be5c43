import type { AuditTrail } from '../../core/audit-trail.ts';
import type { User } from '../../core/entities.ts';
import type { Clock } from '../../core/ports.ts';
import type { Repositories } from '../../core/repositories.ts';
import { hashToken } from '../../core/secret-tokens.ts';
import { decoyHash, verifyPassword } from './password-hasher.ts';
import { securitySettings } from './security-settings.ts';
import { acceptSignIn, refuseSignIn } from './sign-in-outcome.ts';
import { countSignInAttempt } from './sign-in-rate-limit.ts';
import { verifyTotp } from './totp.ts';

export interface PasswordSignInDeps {
  repos: Pick<
    Repositories,
    'users' | 'credentials' | 'signInAttempts' | 'signInLimits' | 'settings' | 'audit'
  >;
  clock: Clock;
  audit: AuditTrail;
}

/**
 * Password sign-in, always with a second factor: a TOTP code, or one of the user's one-time
 * recovery codes. Every outcome is recorded; the error never says which part was wrong.
 */
export async function signInWithPassword(
  deps: PasswordSignInDeps,
  input: { email: string; password: string; code: string; ip: string | null },
): Promise<User> {
  const now = deps.clock.now();
  const email = input.email.trim().toLowerCase().slice(0, 320);
  // Counted before the slow password check, so that attempts arriving together are all counted.
  await countSignInAttempt(deps.repos, { email, ip: input.ip }, now);
  const attempt = { at: now, email, ip: input.ip, method: 'password' };
  const fail = (reason: string, user?: User) => refuseSignIn(deps, attempt, reason, user);

  const user = await deps.repos.users.findByEmail(email);
  const secrets = user ? await deps.repos.credentials.secretsOf(user.id) : undefined;
  const passwordOk = await verifyPassword(
    secrets?.passwordHash ?? (await decoyHash()),
    input.password,
  );
  if (!user || !secrets?.passwordHash || !passwordOk) return fail('credentials', user);
  if (user.disabled) return fail('disabled', user);
  if ((await securitySettings(deps.repos)).requirePasskeys) return fail('passkeys-required', user);
  if (!secrets.totpSecret || !secrets.totpConfirmedAt) return fail('no-second-factor', user);

  const step = await verifyTotp(secrets.totpSecret, input.code, now, secrets.totpLastStep);
  const secondFactor =
    step !== null
      ? await deps.repos.credentials.claimTotpStep(user.id, step)
      : await deps.repos.credentials.useRecoveryCode(
          user.id,
          hashToken(normalizeRecoveryCode(input.code)),
          now.toISOString(),
        );
  if (!secondFactor) return fail('second-factor', user);

  return acceptSignIn(
    deps,
    { ...attempt, method: step !== null ? 'password+totp' : 'password+recovery-code' },
    user,
  );
}

/** Recovery codes are shown as "abcd-efgh-ijkl"; people type them with or without dashes. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}
