import type { AppContext } from '../../../core/app-context.ts';
import type { AdminRoute } from '../../accounts/index.ts';
import { organizationRoutes } from './organization-routes.tsx';
import { personQuickRoutes } from './person-quick-routes.ts';
import { personRoutes } from './person-routes.tsx';
import { placeRoutes } from './place-routes.tsx';
import { sectionRoutes } from './section-routes.tsx';
import { seriesRoutes } from './series-routes.tsx';
import { topicRoutes } from './topic-routes.tsx';

/** The catalog's forms: everything publications link to. */
export function entityRouteTable(app: AppContext): AdminRoute[] {
  const kinds = [
    // Before the person form's routes, whose /admin/people/:id would take "quick" for an id.
    personQuickRoutes,
    personRoutes,
    organizationRoutes,
    topicRoutes,
    placeRoutes,
    sectionRoutes,
    seriesRoutes,
  ];
  return kinds.flatMap((routes) => routes(app));
}
