import { randomUUID } from 'node:crypto';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { AuditTrail } from '../../core/audit-trail.ts';
import type { User } from '../../core/entities.ts';
import type { Clock } from '../../core/ports.ts';
import type { Repositories } from '../../core/repositories.ts';
import { SignInError } from './auth-errors.ts';
import { acceptSignIn, refuseSignIn } from './sign-in-outcome.ts';
import { countSignInAttempt } from './sign-in-rate-limit.ts';

/** The WebAuthn library, loaded at the first ceremony: readers' processes never need it. */
const webauthn = () => import('@simplewebauthn/server');

/**
 * Passkeys (WebAuthn): the primary sign-in, immune to phishing because the browser binds each
 * credential to this site's origin. The relying party is PUBLIC_URL's host.
 */
export interface PasskeyDeps {
  repos: Pick<
    Repositories,
    'users' | 'credentials' | 'authChallenges' | 'signInAttempts' | 'signInLimits' | 'audit'
  >;
  clock: Clock;
  audit: AuditTrail;
  publicUrl: string;
  siteName: string;
}

const CHALLENGE_MINUTES = 5;

function relyingParty(publicUrl: string) {
  const url = new URL(publicUrl);
  return { rpID: url.hostname, origin: url.origin };
}

export async function registrationOptions(deps: PasskeyDeps, user: User) {
  const existing = await deps.repos.credentials.passkeysOf(user.id);
  const { generateRegistrationOptions } = await webauthn();
  const options = await generateRegistrationOptions({
    rpName: deps.siteName,
    rpID: relyingParty(deps.publicUrl).rpID,
    userName: user.email,
    userDisplayName: user.displayName,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credentialId })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  const challengeId = await saveChallenge(deps, options.challenge, 'register', user.id);
  return { challengeId, options };
}

export async function finishRegistration(
  deps: PasskeyDeps,
  user: User,
  input: {
    challengeId: string;
    response: RegistrationResponseJSON;
    name: string;
    ip: string | null;
  },
): Promise<string> {
  const now = deps.clock.now();
  const challenge = await deps.repos.authChallenges.take(input.challengeId, now.toISOString());
  if (challenge?.purpose !== 'register' || challenge.userId !== user.id) {
    throw new SignInError('That passkey request expired. Please try again.');
  }
  const { rpID, origin } = relyingParty(deps.publicUrl);
  const { verifyRegistrationResponse } = await webauthn();
  const result = await verifyRegistrationResponse({
    response: input.response,
    expectedChallenge: challenge.challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: true,
  }).catch(() => null);
  if (!result?.verified || !result.registrationInfo)
    throw new SignInError('The passkey could not be verified.');
  const { credential } = result.registrationInfo;
  await deps.repos.credentials.addPasskey({
    userId: user.id,
    credentialId: credential.id,
    publicKey: Buffer.from(credential.publicKey).toString('base64'),
    counter: credential.counter,
    transports: credential.transports ? JSON.stringify(credential.transports) : null,
    name: input.name.slice(0, 100) || 'Passkey',
    createdAt: now.toISOString(),
    lastUsedAt: null,
  });
  await deps.audit.record(
    { userId: user.id, label: user.email, ip: input.ip },
    'auth.passkey.add',
    { type: 'user', id: user.id },
    { name: input.name },
  );
  return credential.id;
}

/** Removes one of the user's own passkeys, and records it; false when there was none to remove. */
export async function removePasskey(
  deps: PasskeyDeps,
  user: User,
  passkeyId: number,
  ip: string | null,
): Promise<boolean> {
  const removed = await deps.repos.credentials.removePasskey(user.id, passkeyId);
  if (removed) {
    await deps.audit.record(
      { userId: user.id, label: user.email, ip },
      'auth.passkey.remove',
      { type: 'user', id: user.id },
      { passkeyId },
    );
  }
  return removed;
}

/** Options for a sign-in with any passkey of this site (discoverable credentials: no e-mail asked). */
export async function authenticationOptions(deps: PasskeyDeps) {
  const { generateAuthenticationOptions } = await webauthn();
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(deps.publicUrl).rpID,
    userVerification: 'required',
  });
  const challengeId = await saveChallenge(deps, options.challenge, 'authenticate', null);
  return { challengeId, options };
}

export async function finishAuthentication(
  deps: PasskeyDeps,
  input: { challengeId: string; response: AuthenticationResponseJSON; ip: string | null },
): Promise<User> {
  const now = deps.clock.now();
  await countSignInAttempt(deps.repos, { email: null, ip: input.ip }, now);
  const attempt = (user?: User) => ({
    at: now,
    email: user?.email ?? null,
    ip: input.ip,
    method: 'passkey',
  });
  const fail = (reason: string, user?: User) => refuseSignIn(deps, attempt(user), reason, user);
  const challenge = await deps.repos.authChallenges.take(input.challengeId, now.toISOString());
  if (challenge?.purpose !== 'authenticate') return fail('challenge');
  const passkey = await deps.repos.credentials.findPasskey(String(input.response?.id ?? ''));
  if (!passkey) return fail('unknown-credential');
  const user = await deps.repos.users.findById(passkey.userId);
  if (!user || user.disabled) return fail('disabled', user);
  const { rpID, origin } = relyingParty(deps.publicUrl);
  const { verifyAuthenticationResponse } = await webauthn();
  const result = await verifyAuthenticationResponse({
    response: input.response,
    expectedChallenge: challenge.challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: true,
    credential: {
      id: passkey.credentialId,
      publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64')),
      counter: Number(passkey.counter),
      transports: passkey.transports ? JSON.parse(passkey.transports) : undefined,
    },
  }).catch(() => null);
  if (!result?.verified) return fail('verification', user);
  await deps.repos.credentials.usePasskey(
    passkey.id,
    result.authenticationInfo.newCounter,
    now.toISOString(),
  );
  return acceptSignIn(deps, attempt(user), user);
}

async function saveChallenge(
  deps: PasskeyDeps,
  challenge: string,
  purpose: 'register' | 'authenticate',
  userId: number | null,
): Promise<string> {
  const id = randomUUID();
  const expiresAt = new Date(deps.clock.now().getTime() + CHALLENGE_MINUTES * 60_000).toISOString();
  await deps.repos.authChallenges.insert({ id, challenge, purpose, userId, expiresAt });
  return id;
}
