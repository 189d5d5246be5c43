import type { AppContext } from '../../../core/app-context.ts';
import {
  type AdminContext,
  type AdminRoute,
  actOnRecord,
  actorOf,
  adminPageContext,
  fieldErrors,
  formBody,
  idOf,
  renderAdmin,
  submitForm,
  text,
} from '../../accounts/index.ts';
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
        return submitForm(
          c,
          async () => {
            const { secret } = await createApiToken(
              app,
              { userId: idOf(values.userId) ?? 0, name: values.name, scopes },
              actorOf(c),
            );
            // The secret is in this one answer and nowhere else: never in a redirect's URL.
            return page(c, { issued: { name: values.name.trim(), secret } });
          },
          (error) => page(c, { values, errors: fieldErrors(error) }),
        );
      },
    },
    {
      method: 'POST',
      path: '/admin/tokens/:id/revoke',
      action: 'tokens.manage',
      handler: actOnRecord(
        'token',
        (c, id) => revokeApiToken(app, id, actorOf(c)),
        () => '/admin/tokens?done=revoked',
      ),
    },
  ];
}
