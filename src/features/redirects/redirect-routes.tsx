import type { AppContext } from '../../context.ts';
import { ValidationError } from '../../core/errors.ts';
import { adminPageContext, renderAdmin } from '../../web/admin/admin-page.ts';
import type { AdminContext, AdminRoute } from '../../web/admin/route-table.ts';
import {
  actorOf,
  domainErrorAnswer,
  fieldErrors,
  formBody,
  idOf,
  text,
} from '../../web/admin/staff-request.ts';
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
        try {
          await addRedirect(app, { ...values, statusCode: Number(values.statusCode) }, actorOf(c));
          return c.redirect('/admin/redirects?done=added', 303);
        } catch (error) {
          if (error instanceof ValidationError) return page(c, values, fieldErrors(error));
          return domainErrorAnswer(c, error);
        }
      },
    },
    {
      method: 'POST',
      path: '/admin/redirects/:id/delete',
      action: 'redirects.edit',
      handler: async (c) => {
        const id = idOf(c.req.param('id'));
        if (id === null) return c.text('No such redirect', 404);
        try {
          await deleteRedirect(app, id, actorOf(c));
          return c.redirect('/admin/redirects?done=deleted', 303);
        } catch (error) {
          return domainErrorAnswer(c, error);
        }
      },
    },
  ];
}
