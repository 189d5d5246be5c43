import { randomBytes } from 'node:crypto';
import { hashToken } from '../../core/secret-tokens.ts';
import { normalizeRecoveryCode } from './sign-in-with-password.ts';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten one-time codes of 12 characters (about 59 bits each), shown once, stored hashed. */
export function newRecoveryCodes(count = 10): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: count }, () => {
    const bytes = randomBytes(12);
    const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
  return { codes, hashes: codes.map((c) => hashToken(normalizeRecoveryCode(c))) };
}
