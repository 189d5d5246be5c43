import type { AppContext } from '../../core/app-context.ts';
import {
  type AdminContext,
  type AdminRoute,
  actOnRecord,
  actorOf,
  adminPageContext,
  fieldErrors,
  formBody,
  renderAdmin,
  submitForm,
  text,
} from '../accounts/index.ts';
import { addRedirect, deleteRedirect } from './redirects.ts';
import { type RedirectFormValues, RedirectsPage } from './redirects-page.tsx';

const EMPTY: RedirectFormValues = { fromPath: '', toPath: '', statusCode: '301' };

/** Old addresses of the archive and where they lead now. Loops and live pages are refused. */
export function redirectRoutes(app: AppContext): AdminRoute[] {
  const page = async (
    c: AdminContext,
    values = EMPTY,
    errors: Record<string, string> = {},
    message?: string,
  ) =>
    renderAdmin(
      c,
      <RedirectsPage
        ctx={await adminPageContext(app, c)}
        redirects={await app.repos.redirects.list()}
        values={values}
        errors={errors}
        message={message}
      />,
      Object.keys(errors).length > 0 ? 422 : 200,
    );

  return [
    {
      method: 'GET',
      path: '/admin/redirects',
      action: 'redirects.edit',
      handler: (c) =>
        page(
          c,
          EMPTY,
          {},
          c.req.query('done') === 'added'
            ? 'Added.'
            : c.req.query('done') === 'deleted'
              ? 'Deleted.'
              : undefined,
        ),
    },
    {
      method: 'POST',
      path: '/admin/redirects',
      action: 'redirects.edit',
      handler: async (c) => {
        const body = await formBody(c);
        const values = {
          fromPath: text(body, 'fromPath'),
          toPath: text(body, 'toPath'),
          statusCode: text(body, 'statusCode'),
        };
        return submitForm(
          c,
          async () => {
            await addRedirect(
              app,
              { ...values, statusCode: Number(values.statusCode) },
              actorOf(c),
            );
            return c.redirect('/admin/redirects?done=added', 303);
          },
          (error) => page(c, values, fieldErrors(error)),
        );
      },
    },
    {
      method: 'POST',
      path: '/admin/redirects/:id/delete',
      action: 'redirects.edit',
      handler: actOnRecord(
        'redirect',
        (c, id) => deleteRedirect(app, id, actorOf(c)),
        () => '/admin/redirects?done=deleted',
      ),
    },
  ];
}
