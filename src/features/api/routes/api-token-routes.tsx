import type { AppContext } from '../../../context.ts';
import { ValidationError } from '../../../core/errors.ts';
import { adminPageContext, renderAdmin } from '../../../web/admin/admin-page.ts';
import type { AdminContext, AdminRoute } from '../../../web/admin/route-table.ts';
import {
  actorOf,
  domainErrorAnswer,
  fieldErrors,
  formBody,
  idOf,
  text,
} from '../../../web/admin/staff-request.ts';
import { createApiToken, revokeApiToken } from '../api-tokens.ts';
import { ApiTokensPage, type TokenFormValues } from '../views/api-tokens-page.tsx';

const EMPTY: TokenFormValues = { userId: '', name: '', scopes: [] };

/** API tokens in the back office: admins make them (shown once) and revoke them. */
export function apiTokenRoutes(app: AppContext): AdminRoute[] {
  const page = async (
    c: AdminContext,
    opts: {
      values?: TokenFormValues;
      errors?: Record<string, string>;
      issued?: { name: string; secret: string };
      message?: string;
    } = {},
  ) => {
    const errors = opts.errors ?? {};
    const res = await renderAdmin(
      c,
      <ApiTokensPage
        ctx={await adminPageContext(app, c)}
        tokens={await app.repos.apiTokens.list()}
        users={await app.repos.users.list()}
        values={opts.values ?? EMPTY}
        errors={errors}
        issued={opts.issued}
        message={opts.message}
      />,
      Object.keys(errors).length > 0 ? 422 : 200,
    );
    return res;
  };

  return [
    {
      method: 'GET',
      path: '/admin/tokens',
      action: 'tokens.manage',
      handler: (c) =>
        page(c, { message: c.req.query('done') === 'revoked' ? 'Revoked.' : undefined }),
    },
    {
      method: 'POST',
      path: '/admin/tokens',
      action: 'tokens.manage',
      handler: async (c) => {
        const body = await formBody(c);
        const scopes = [body.scopes ?? []].flat().filter((s): s is string => typeof s === 'string');
        const values = { userId: text(body, 'userId'), name: text(body, 'name'), scopes };
        try {
          const { secret } = await createApiToken(
            app,
            { userId: idOf(values.userId) ?? 0, name: values.name, scopes },
            actorOf(c),
          );
          // The secret is in this one answer and nowhere else: never in a redirect's URL.
          return page(c, { issued: { name: values.name.trim(), secret } });
        } catch (error) {
          if (error instanceof ValidationError)
            return page(c, { values, errors: fieldErrors(error) });
          return domainErrorAnswer(c, error);
        }
      },
    },
    {
      method: 'POST',
      path: '/admin/tokens/:id/revoke',
      action: 'tokens.manage',
      handler: async (c) => {
        const id = idOf(c.req.param('id'));
        if (id === null) return c.text('No such token', 404);
        try {
          await revokeApiToken(app, id, actorOf(c));
          return c.redirect('/admin/tokens?done=revoked', 303);
        } catch (error) {
          return domainErrorAnswer(c, error);
        }
      },
    },
  ];
}
