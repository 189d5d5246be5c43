import type { MiddlewareHandler } from 'hono';

/**
 * Public pages carry no inline script or style: they are cached and exported as static files,
 * so the policy allows only the site's own files. Admin pages may add per-response nonces on
 * top of this; nothing ever allows 'unsafe-inline' scripts.
 */
export const PUBLIC_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The headers every answer carries, whichever path of the server writes it (the node listener's
 * fast paths send them too). Readers on watched networks: links out of the archive say nothing
 * about where they came from (Referrer-Policy).
 */
export const ALWAYS_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'same-origin'],
  [
    'Permissions-Policy',
    'camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()',
  ],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    if (!h.has('Content-Security-Policy')) h.set('Content-Security-Policy', PUBLIC_CSP);
    for (const [name, value] of ALWAYS_HEADERS) h.set(name, value);
    // IIIF tiles and descriptions are meant for viewers on other sites: their routes say so.
    if (!h.has('Cross-Origin-Resource-Policy'))
      h.set('Cross-Origin-Resource-Policy', 'same-origin');
  };
}
