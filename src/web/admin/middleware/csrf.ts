import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { safeEqual } from '../../../core/secret-tokens.ts';
import type { AdminEnv } from '../../../features/accounts/back-office/admin-env.ts';
import { PRE_SESSION_COOKIE } from '../../../features/accounts/back-office/pre-session-token.ts';
import { firstFormField } from './first-form-field.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every state-changing request must come from this site's own pages: its Origin (or Referer)
 * must be PUBLIC_URL's origin, and it must carry the CSRF token — the session's, or before sign-in
 * a double-submit cookie's. SameSite=Strict cookies are a third, independent barrier. A form
 * from this site whose token is not the current one was opened in a session that has ended:
 * `expired` answers it (the back office explains, and leads back to the form).
 */
export function csrfProtection(
  publicUrl: string,
  expired: (c: Context<AdminEnv>) => Response | Promise<Response> = (c) =>
    c.text('This form has expired. Go back, reload the page and try again.', 403),
): MiddlewareHandler<AdminEnv> {
  const origin = new URL(publicUrl).origin;
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const from = c.req.header('Origin') ?? refererOrigin(c.req.header('Referer'));
    if (from !== origin) return c.text('This request did not come from this site.', 403);
    const sent = c.req.header('X-CSRF-Token') ?? (await formToken(c));
    const session = c.get('session');
    const expected = session ? session.csrfToken : getCookie(c, PRE_SESSION_COOKIE);
    if (!sent || !expected || !safeEqual(sent, expected)) return expired(c);
    return next();
  };
}

/**
 * The token a form carries, reading its body once. A multipart form (an upload) must send it as
 * its first field: only that part is read here, and the file behind it streams on to the route.
 * A plain form is parsed whole, and Hono keeps the parsed form for the route's `parseBody`.
 */
async function formToken(c: Context<AdminEnv>): Promise<string | undefined> {
  const type = c.req.header('Content-Type') ?? '';
  if (type.includes('multipart/form-data')) {
    // A body that fails while its first part is read (cut off) carries no token either.
    const peeked = await firstFormField(c.req.raw).catch(() => null);
    if (!peeked) return undefined;
    c.req.raw = peeked.request;
    return peeked.field?.name === '_csrf' ? peeked.field.value : undefined;
  }
  if (!type.includes('application/x-www-form-urlencoded')) return undefined;
  const value = (await c.req.formData().catch(() => null))?.get('_csrf');
  return typeof value === 'string' ? value : undefined;
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}
