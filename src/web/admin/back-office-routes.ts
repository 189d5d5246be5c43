import type { AppContext } from '../../core/app-context.ts';
import type { AdminRoute } from '../../features/accounts/back-office/route-table.ts';
import { userRoutes } from '../../features/accounts/routes/user-routes.tsx';
import { apiTokenRoutes } from '../../features/api/routes/api-token-routes.tsx';
import { auditRoutes } from '../../features/audit/audit-routes.tsx';
import { entityRouteTable } from '../../features/entities/routes/entity-routes.ts';
import { jobRoutes } from '../../features/jobs/job-routes.tsx';
import { revisionRoutes } from '../../features/publishing/routes/revision-routes.tsx';
import { trashRoutes } from '../../features/publishing/routes/trash-routes.tsx';
import { settingsRoutes } from '../../features/reading/settings/settings-routes.tsx';
import { redirectRoutes } from '../../features/redirects/redirect-routes.tsx';

/** The editors' back office beyond publications: catalog, history, site upkeep and staff. */
export function backOfficeRoutes(app: AppContext): AdminRoute[] {
  return [
    ...entityRouteTable(app),
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
