import type { AppContext } from '../../../context.ts';
import { can } from '../../../core/permissions.ts';
import { adminPageContext, renderAdmin } from '../../../web/admin/admin-page.ts';
import type { AdminContext, AdminRoute } from '../../../web/admin/route-table.ts';
import { actorOf, domainErrorAnswer, idOf } from '../../../web/admin/staff-request.ts';
import { purgeFromTrash, restoreFromTrash, TRASH_DAYS, trashContents } from '../trash.ts';
import { TrashPage } from '../views/trash-page.tsx';

const MESSAGES: Record<string, string> = {
  restored: 'Restored: the piece is back where it was, with its status.',
  purged: 'Purged for good.',
};

/** The trash: restore (back to its address and status) or, for admins, purge at once. */
export function trashRoutes(app: AppContext): AdminRoute[] {
  const act = (
    c: AdminContext,
    what: 'restored' | 'purged',
    run: (id: number) => Promise<void>,
  ) => {
    const id = idOf(c.req.param('id'));
    if (id === null) return c.text('No such publication', 404);
    return run(id).then(
      () => c.redirect(`/admin/trash?done=${what}`, 303),
      (error) => domainErrorAnswer(c, error),
    );
  };

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
      handler: (c) => act(c, 'restored', (id) => restoreFromTrash(app, id, actorOf(c))),
    },
    {
      method: 'POST',
      path: '/admin/trash/:id/purge',
      action: 'trash.purge',
      handler: (c) => act(c, 'purged', (id) => purgeFromTrash(app, id, actorOf(c))),
    },
  ];
}
