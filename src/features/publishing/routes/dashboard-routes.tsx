import type { AppContext } from '../../../core/app-context.ts';
import { PUBLICATION_STATUSES } from '../../../core/publication-status.ts';
import { type AdminRoute, adminPageContext, renderAdmin } from '../../accounts/index.ts';
import { DashboardPage } from '../views/dashboard-page.tsx';

export function dashboardRoutes(app: AppContext): AdminRoute[] {
  return [
    {
      method: 'GET',
      path: '/admin',
      action: 'admin.enter',
      handler: async (c) => {
        const user = c.get('session')!.user;
        const mine = user.role === 'contributor' ? user.id : undefined;
        const all = await app.repos.publications.listForEditors({ createdBy: mine, limit: 5000 });
        const counts = Object.fromEntries(
          PUBLICATION_STATUSES.map((s) => [s, all.filter((p) => p.status === s).length]),
        );
        return renderAdmin(
          c,
          <DashboardPage
            ctx={await adminPageContext(app, c)}
            counts={counts}
            attention={all.filter((p) => p.needsAttention).slice(0, 20)}
            recent={all.slice(0, 10)}
          />,
        );
      },
    },
  ];
}
