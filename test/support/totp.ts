import { generateSync } from 'otplib';

/** The six-digit code an authenticator app would show for `secret` at `now`. */
export function totpCodeAt(secret: string, now: Date): string {
  return generateSync({ secret, epoch: Math.floor(now.getTime() / 1000) });
}
