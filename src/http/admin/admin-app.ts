import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppContext } from '../../context.ts';
import type { AdminEnv } from './admin-env.ts';
import { authRoutes } from './auth-routes.tsx';
import { backOfficeRoutes } from './back-office-routes.ts';
import { dashboardRoutes } from './dashboard-routes.tsx';
import { editorToolRoutes } from './editor-tool-routes.ts';
import { adminHeaders } from './middleware/admin-headers.ts';
import { csrfProtection } from './middleware/csrf.ts';
import { loadSession } from './middleware/load-session.ts';
import { publicationFileRoutes } from './publication-file-routes.tsx';
import { publicationRoutes } from './publication-routes.tsx';
import { type AdminRoute, registerAdminRoutes } from './route-table.ts';
import { sessionEndedAnswer } from './session-ended.tsx';

/** Uploads stream to the file store; every other form is small. */
const FORM_LIMIT = 8 * 1024 * 1024;
const UPLOAD_LIMIT = 200 * 1024 * 1024;

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
  admin.use(
    '/admin/publications/:id/files',
    bodyLimit({
      maxSize: UPLOAD_LIMIT,
      onError: (c) => c.text('The file is larger than 200 MB.', 413),
    }),
  );
  admin.use('/admin/*', async (c, next) => {
    if (c.req.path.endsWith('/files')) return next();
    return bodyLimit({
      maxSize: FORM_LIMIT,
      onError: (cc) => cc.text('This form is too large.', 413),
    })(c, next);
  });
  admin.use('/admin/*', loadSession(app));
  admin.use('/admin', loadSession(app));
  admin.use('/admin/*', csrfProtection(app.config.publicUrl, sessionEndedAnswer(app)));
  registerAdminRoutes(admin, adminRouteTable(app));
  return admin;
}
