import type { AppContext } from '../../../core/app-context.ts';
import type { UserRole } from '../../../core/content-types.ts';
import { NotFoundError } from '../../../core/errors.ts';
import { adminPageContext, renderAdmin } from '../back-office/admin-page.ts';
import { actOnRecord, loadOr404, submitForm } from '../back-office/route-handlers.ts';
import type { AdminContext, AdminRoute } from '../back-office/route-table.ts';
import { actorOf, fieldErrors, formBody, text } from '../back-office/staff-request.ts';
import { addUser, reissueSetupLink, revokeSessions } from '../manage-users.ts';
import { changeStaffRole, setStaffDisabled, staffOverview } from '../staff-accounts.ts';
import { type IssuedLink, type NewUserValues, UsersPage } from '../views/users-page.tsx';

const EMPTY: NewUserValues = { email: '', displayName: '', role: 'contributor' };

const DONE: Record<string, string> = {
  role: 'Role changed. Their sessions were ended: they sign in again with the new role.',
  disabled: 'Disabled, and signed out everywhere.',
  enabled: 'Enabled.',
  revoked: 'Signed out everywhere.',
};

/** Staff accounts: add (with a one-time set-up link), role, disable, sign out, new link. */
export function userRoutes(app: AppContext): AdminRoute[] {
  const page = async (
    c: AdminContext,
    opts: {
      values?: NewUserValues;
      errors?: Record<string, string>;
      issued?: IssuedLink;
      message?: string;
    } = {},
  ) => {
    const errors = opts.errors ?? {};
    return renderAdmin(
      c,
      <UsersPage
        ctx={await adminPageContext(app, c)}
        staff={await staffOverview(app)}
        values={opts.values ?? EMPTY}
        errors={errors}
        issued={opts.issued}
        message={opts.message ?? errors.user}
      />,
      Object.keys(errors).length > 0 ? 422 : 200,
    );
  };

  /** A change to one account; the self-protection rule answers on the page, as a 422. */
  const change = (
    path: string,
    done: string,
    run: (c: AdminContext, id: number) => Promise<unknown>,
  ): AdminRoute => ({
    method: 'POST',
    path: `/admin/users/:id/${path}`,
    action: 'users.manage',
    handler: actOnRecord(
      'user',
      run,
      () => `/admin/users?done=${done}`,
      (c, error) => page(c, { errors: { user: error.issues[0]?.message ?? error.message } }),
    ),
  });

  return [
    {
      method: 'GET',
      path: '/admin/users',
      action: 'users.manage',
      handler: (c) => page(c, { message: DONE[c.req.query('done') ?? ''] }),
    },
    {
      method: 'POST',
      path: '/admin/users',
      action: 'users.manage',
      handler: async (c) => {
        const body = await formBody(c);
        const values = {
          email: text(body, 'email').trim(),
          displayName: text(body, 'displayName'),
          role: text(body, 'role'),
        };
        const input = {
          email: values.email,
          displayName: values.displayName.trim() || undefined,
          role: values.role as UserRole,
        };
        return submitForm(
          c,
          async () => {
            const { user, setupUrl, expiresAt } = await addUser(
              app,
              input,
              actorOf(c),
              app.config.publicUrl,
            );
            // Answered here rather than redirected: the link must not travel in a URL or be shown twice.
            return page(c, { issued: { email: user.email, url: setupUrl, expiresAt } });
          },
          (error) => page(c, { values, errors: fieldErrors(error) }),
        );
      },
    },
    change('role', 'role', async (c, id) =>
      changeStaffRole(app, id, text(await formBody(c), 'role'), actorOf(c)),
    ),
    change('disable', 'disabled', (c, id) => setStaffDisabled(app, id, true, actorOf(c))),
    change('enable', 'enabled', (c, id) => setStaffDisabled(app, id, false, actorOf(c))),
    change('revoke-sessions', 'revoked', async (c, id) => {
      if (!(await app.repos.users.findById(id))) throw new NotFoundError('No such user');
      return revokeSessions(app, id, actorOf(c));
    }),
    {
      method: 'POST',
      path: '/admin/users/:id/setup-link',
      action: 'users.manage',
      handler: loadOr404(
        'user',
        (id) => app.repos.users.findById(id),
        async (c, user) => {
          const { setupUrl, expiresAt } = await reissueSetupLink(
            app,
            user.id,
            actorOf(c),
            app.config.publicUrl,
          );
          return page(c, { issued: { email: user.email, url: setupUrl, expiresAt } });
        },
      ),
    },
  ];
}
