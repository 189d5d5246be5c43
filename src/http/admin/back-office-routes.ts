import type { AppContext } from '../../context.ts';
import { apiTokenRoutes } from './api-token-routes.tsx';
import { auditRoutes } from './audit-routes.tsx';
import { catalogRouteTable } from './catalog-routes.ts';
import { jobRoutes } from './job-routes.tsx';
import { redirectRoutes } from './redirect-routes.tsx';
import { revisionRoutes } from './revision-routes.tsx';
import type { AdminRoute } from './route-table.ts';
import { settingsRoutes } from './settings-routes.tsx';
import { trashRoutes } from './trash-routes.tsx';
import { userRoutes } from './user-routes.tsx';

/** The editors' back office beyond publications: catalog, history, site upkeep and staff. */
export function backOfficeRoutes(app: AppContext): AdminRoute[] {
  return [
    ...catalogRouteTable(app),
    ...revisionRoutes(app),
    ...redirectRoutes(app),
    ...trashRoutes(app),
    ...auditRoutes(app),
    ...userRoutes(app),
    ...settingsRoutes(app),
    ...jobRoutes(app),
    ...apiTokenRoutes(app),
  ];
}
