import { Hono } from 'hono';
import type { AppContext } from '../../core/app-context.ts';
import type { AdminEnv } from '../../features/accounts/back-office/admin-env.ts';
import {
  type AdminRoute,
  registerAdminRoutes,
} from '../../features/accounts/back-office/route-table.ts';
import { authRoutes } from '../../features/accounts/routes/auth-routes.tsx';
import { sessionEndedAnswer } from '../../features/accounts/routes/session-ended.tsx';
import { dashboardRoutes } from '../../features/publishing/routes/dashboard-routes.tsx';
import { editorToolRoutes } from '../../features/publishing/routes/editor-tool-routes.ts';
import { editorialNoteRoutes } from '../../features/publishing/routes/editorial-note-routes.tsx';
import { figureRoutes } from '../../features/publishing/routes/figure-routes.tsx';
import { publicationFileRoutes } from '../../features/publishing/routes/publication-file-routes.tsx';
import { publicationRoutes } from '../../features/publishing/routes/publication-routes.tsx';
import { sceneRoutes } from '../../features/publishing/routes/scene-routes.tsx';
import { sourceRoutes } from '../../features/publishing/routes/source-routes.ts';
import { backOfficeRoutes } from './back-office-routes.ts';
import { adminHeaders } from './middleware/admin-headers.ts';
import { bodyLimits } from './middleware/body-limits.ts';
import { csrfProtection } from './middleware/csrf.ts';
import { loadSession } from './middleware/load-session.ts';

/** Every back-office route, in one table: the authorization test walks it. */
export function adminRouteTable(app: AppContext): AdminRoute[] {
  return [
    ...authRoutes(app),
    ...dashboardRoutes(app),
    ...publicationRoutes(app),
    ...editorialNoteRoutes(app),
    ...publicationFileRoutes(app),
    ...sourceRoutes(app),
    ...figureRoutes(app),
    ...sceneRoutes(app),
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
