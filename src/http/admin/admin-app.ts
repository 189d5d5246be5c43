import { Hono } from 'hono';
import type { AppContext } from '../../context.ts';
import type { AdminEnv } from './admin-env.ts';
import { authRoutes } from './auth-routes.tsx';
import { backOfficeRoutes } from './back-office-routes.ts';
import { dashboardRoutes } from './dashboard-routes.tsx';
import { editorToolRoutes } from './editor-tool-routes.ts';
import { adminHeaders } from './middleware/admin-headers.ts';
import { bodyLimits } from './middleware/body-limits.ts';
import { csrfProtection } from './middleware/csrf.ts';
import { loadSession } from './middleware/load-session.ts';
import { publicationFileRoutes } from './publication-file-routes.tsx';
import { publicationRoutes } from './publication-routes.tsx';
import { type AdminRoute, registerAdminRoutes } from './route-table.ts';
import { sessionEndedAnswer } from './session-ended.tsx';

/** Every back-office route, in one table: the authorization test walks it. */
export function adminRouteTable(app: AppContext): AdminRoute[] {
  return [
    ...authRoutes(app),
    ...dashboardRoutes(app),
    ...publicationRoutes(app),
    ...publicationFileRoutes(app),
    ...editorToolRoutes(app),
    ...backOfficeRoutes(app),
  ];
}

export function adminApp(app: AppContext): Hono<AdminEnv> {
  const admin = new Hono<AdminEnv>();
  admin.use('/admin/*', adminHeaders());
  admin.use('/admin', adminHeaders());
  admin.use('/admin/*', loadSession(app));
  admin.use('/admin', loadSession(app));
  // After the session, which decides how large a body may be: 16 KB before sign-in.
  const sessionEnded = sessionEndedAnswer(app);
  admin.use('/admin/*', bodyLimits(sessionEnded));
  admin.use('/admin/*', csrfProtection(app.config.publicUrl, sessionEnded));
  registerAdminRoutes(admin, adminRouteTable(app));
  return admin;
}
