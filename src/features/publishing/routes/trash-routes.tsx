import type { AppContext } from '../../../core/app-context.ts';
import { can } from '../../../core/permissions.ts';
import {
  type AdminRoute,
  actOnRecord,
  actorOf,
  adminPageContext,
  renderAdmin,
} from '../../accounts/index.ts';
import { purgeFromTrash, restoreFromTrash, TRASH_DAYS, trashContents } from '../trash.ts';
import { TrashPage } from '../views/trash-page.tsx';

const MESSAGES: Record<string, string> = {
  restored: 'Restored: the piece is back where it was, with its status.',
  purged: 'Purged for good.',
};

/** The trash: restore (back to its address and status) or, for admins, purge at once. */
export function trashRoutes(app: AppContext): AdminRoute[] {
  return [
    {
      method: 'GET',
      path: '/admin/trash',
      action: 'trash.restore',
      handler: async (c) =>
        renderAdmin(
          c,
          <TrashPage
            ctx={await adminPageContext(app, c)}
            items={await trashContents(app)}
            sections={await app.repos.sections.list()}
            trashDays={TRASH_DAYS}
            canPurge={can(c.get('session')!.user, 'trash.purge')}
            message={MESSAGES[c.req.query('done') ?? '']}
          />,
        ),
    },
    {
      method: 'POST',
      path: '/admin/trash/:id/restore',
      action: 'trash.restore',
      handler: actOnRecord(
        'publication',
        (c, id) => restoreFromTrash(app, id, actorOf(c)),
        () => '/admin/trash?done=restored',
      ),
    },
    {
      method: 'POST',
      path: '/admin/trash/:id/purge',
      action: 'trash.purge',
      handler: actOnRecord(
        'publication',
        (c, id) => purgeFromTrash(app, id, actorOf(c)),
        () => '/admin/trash?done=purged',
      ),
    },
  ];
}
