import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { newToken } from '../../../core/secret-tokens.ts';

/** The double-submit cookie that stands in for the session's CSRF token before sign-in. */
export const PRE_SESSION_COOKIE = 'dossier_csrf';

/** The token a signed-out form (sign-in, set-up) carries, set as a cookie when the form is shown. */
export function preSessionToken(c: Context, publicUrl: string): string {
  const existing = getCookie(c, PRE_SESSION_COOKIE);
  if (existing && existing.length >= 32) return existing;
  const token = newToken();
  setCookie(c, PRE_SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: publicUrl.startsWith('https:'),
    path: '/admin',
  });
  return token;
}
