import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AdminEnv } from '../../../features/accounts/back-office/admin-env.ts';

/**
 * Admin pages are never cached anywhere and run only this site's scripts; a per-response nonce
 * allows nothing inline today but lets a page add one tagged script if it ever must.
 */
export function adminHeaders(): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const nonce = randomBytes(16).toString('base64');
    c.set('cspNonce', nonce);
    await next();
    c.res.headers.set(
      'Content-Security-Policy',
      [
        "default-src 'none'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
    );
    c.res.headers.set('Cache-Control', 'no-store');
    c.res.headers.set('X-Robots-Tag', 'noindex, nofollow');
  };
}
