import type { Context, Hono } from 'hono';
import { type Action, can } from '../../../core/permissions.ts';
import type { AdminEnv } from './admin-env.ts';

export type AdminContext = Context<AdminEnv>;

/**
 * Every back-office route names the action it needs. Routes marked 'signed-out' (sign-in,
 * set-up) are the only ones open without a session; the authorization test walks this table.
 */
export interface AdminRoute {
  method: 'GET' | 'POST';
  path: string;
  action: Action | 'signed-out' | 'signed-in';
  handler: (c: AdminContext) => Response | Promise<Response>;
}

export function registerAdminRoutes(app: Hono<AdminEnv>, routes: readonly AdminRoute[]): void {
  for (const route of routes) {
    app.on(route.method, route.path, async (c) => {
      if (route.action !== 'signed-out') {
        const session = c.get('session');
        if (!session) {
          if (route.method === 'GET') {
            return c.redirect(`/admin/sign-in?next=${encodeURIComponent(c.req.path)}`, 303);
          }
          return c.text('Sign in first.', 401);
        }
        if (route.action !== 'signed-in' && !can(session.user, route.action)) {
          return c.text('Your role does not allow this.', 403);
        }
      }
      return route.handler(c);
    });
  }
}

/** A path parameter of the matched route; the route table's paths guarantee it is there. */
export function param(c: AdminContext, name: string): string {
  return c.req.param(name) ?? '';
}
