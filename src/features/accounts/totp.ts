import { generateSecret, generateURI, verify } from 'otplib';

/** TOTP (RFC 6238): 6 digits, 30-second steps, as every authenticator app expects. */
export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(issuer: string, account: string, secret: string): string {
  return generateURI({ issuer, label: account, secret });
}

/**
 * Checks a code, allowing one step of clock drift either way, and refusing any step at or
 * before `afterStep`: a code that was used once cannot be used again.
 * Returns the accepted step, or null.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  now: Date,
  afterStep: number | null,
): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  }).catch(() => ({ valid: false as const }));
  if (!result.valid || !('timeStep' in result)) return null;
  return result.timeStep as number;
}
