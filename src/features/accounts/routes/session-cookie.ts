import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/**
 * The session cookie: HttpOnly, SameSite=Strict, scoped to /admin. Behind TLS it is Secure and
 * takes the __Host- prefix, which browsers refuse to let any other path or subdomain overwrite.
 */
export function sessionCookieName(publicUrl: string): string {
  return isHttps(publicUrl) ? '__Host-dossier_session' : 'dossier_session';
}

const isHttps = (publicUrl: string) => publicUrl.startsWith('https:');

export function readSessionCookie(c: Context, publicUrl: string): string | undefined {
  return getCookie(c, sessionCookieName(publicUrl));
}

export function writeSessionCookie(c: Context, publicUrl: string, token: string): void {
  const https = isHttps(publicUrl);
  setCookie(c, sessionCookieName(publicUrl), token, {
    httpOnly: true,
    secure: https,
    sameSite: 'Strict',
    // __Host- cookies must have Path=/; the plain cookie is kept to the back office.
    path: https ? '/' : '/admin',
  });
}

export function clearSessionCookie(c: Context, publicUrl: string): void {
  deleteCookie(c, sessionCookieName(publicUrl), {
    path: isHttps(publicUrl) ? '/' : '/admin',
    secure: isHttps(publicUrl),
  });
}
