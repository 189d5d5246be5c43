import type { MiddlewareHandler } from 'hono';
import type { AppContext } from '../../../context.ts';
import { resolveSession } from '../../../services/auth/sessions.ts';
import type { AdminEnv } from '../admin-env.ts';
import { readSessionCookie } from '../session-cookie.ts';

/** Puts the signed-in session (or null) on the request. */
export function loadSession(app: AppContext): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    c.set('session', await resolveSession(app, readSessionCookie(c, app.config.publicUrl)));
    await next();
  };
}
