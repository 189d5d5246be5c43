import type { MiddlewareHandler } from 'hono';
import type { AppContext } from '../../../core/app-context.ts';
import type { AdminEnv } from '../../../features/accounts/back-office/admin-env.ts';
import { readSessionCookie } from '../../../features/accounts/routes/session-cookie.ts';
import { resolveSession } from '../../../features/accounts/sessions.ts';

/** Puts the signed-in session (or null) on the request. */
export function loadSession(app: AppContext): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    c.set('session', await resolveSession(app, readSessionCookie(c, app.config.publicUrl)));
    await next();
  };
}
