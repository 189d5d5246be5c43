import type { MiddlewareHandler } from 'hono';
import type { AppContext } from '../../../context.ts';
import { readSessionCookie } from '../../../features/accounts/routes/session-cookie.ts';
import { resolveSession } from '../../../features/accounts/sessions.ts';
import type { AdminEnv } from '../admin-env.ts';

/** Puts the signed-in session (or null) on the request. */
export function loadSession(app: AppContext): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    c.set('session', await resolveSession(app, readSessionCookie(c, app.config.publicUrl)));
    await next();
  };
}
