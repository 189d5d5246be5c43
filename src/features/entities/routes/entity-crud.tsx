import type { JSX } from 'hono/jsx/jsx-runtime';
import type { AppContext } from '../../../context.ts';
import type { Actor } from '../../../core/actor.ts';
import { ValidationError } from '../../../core/errors.ts';
import type { AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import { adminPageContext, renderAdmin } from '../../../web/admin/admin-page.ts';
import type { AdminContext, AdminRoute } from '../../../web/admin/route-table.ts';
import {
  actorOf,
  domainErrorAnswer,
  type FormBody,
  fieldErrors,
  formBody,
  idOf,
} from '../../../web/admin/staff-request.ts';
import { CatalogList, type CatalogListItem } from '../views/entity-list.tsx';

/**
 * One kind of catalog entry (people, places, topics…) as the back office edits it. Every kind
 * gets the same five routes: list, new, create, edit, update, all behind 'catalog.edit'. Values
 * are the form's strings, so a refused save shows back exactly what was typed.
 */
export interface CatalogKind<R extends { id: number }, V, I> {
  path: string;
  title: string;
  singular: string;
  list(): Promise<R[]>;
  find(id: number): Promise<R | undefined>;
  listItem(record: R, all: R[]): CatalogListItem;
  empty: V;
  valuesOf(record: R): V;
  read(body: FormBody): V;
  /** The service's input, or the errors of values that are not even of the right type. */
  toInput(values: V): { input: I } | { errors: Record<string, string> };
  create(input: I, actor: Actor): Promise<{ id: number }>;
  update(id: number, input: I, actor: Actor): Promise<unknown>;
  form(props: {
    ctx: AdminPageContext;
    path: string;
    id: number | null;
    values: V;
    errors: Record<string, string>;
    message?: string;
  }): Promise<JSX.Element>;
}

export function catalogRoutes<R extends { id: number }, V, I>(
  app: AppContext,
  kind: CatalogKind<R, V, I>,
): AdminRoute[] {
  const show = async (
    c: AdminContext,
    id: number | null,
    values: V,
    errors: Record<string, string> = {},
    message?: string,
  ) => {
    const page = await kind.form({
      ctx: await adminPageContext(app, c),
      path: kind.path,
      id,
      values,
      errors,
      message,
    });
    return renderAdmin(c, page, Object.keys(errors).length > 0 ? 422 : 200);
  };

  /** Parses, saves, and answers: back to the form on an error, on to the entry when saved. */
  const save = async (c: AdminContext, id: number | null) => {
    const values = kind.read(await formBody(c));
    const parsed = kind.toInput(values);
    if ('errors' in parsed) return show(c, id, values, parsed.errors);
    const { input } = parsed;
    try {
      let savedId = id;
      if (savedId === null) savedId = (await kind.create(input, actorOf(c))).id;
      else await kind.update(savedId, input, actorOf(c));
      return c.redirect(`${kind.path}/${savedId}?saved=1`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return show(c, id, values, fieldErrors(error));
      return domainErrorAnswer(c, error);
    }
  };

  const existing = async (c: AdminContext): Promise<R | null> => {
    const id = idOf(c.req.param('id'));
    return id === null ? null : ((await kind.find(id)) ?? null);
  };

  return [
    {
      method: 'GET',
      path: kind.path,
      action: 'catalog.edit',
      handler: async (c) => {
        const all = await kind.list();
        const items = all.map((r) => kind.listItem(r, all));
        return renderAdmin(
          c,
          <CatalogList
            ctx={await adminPageContext(app, c)}
            title={kind.title}
            path={kind.path}
            singular={kind.singular}
            items={items}
          />,
        );
      },
    },
    {
      method: 'GET',
      path: `${kind.path}/new`,
      action: 'catalog.edit',
      handler: (c) => show(c, null, kind.empty),
    },
    {
      method: 'POST',
      path: kind.path,
      action: 'catalog.edit',
      handler: (c) => save(c, null),
    },
    {
      method: 'GET',
      path: `${kind.path}/:id`,
      action: 'catalog.edit',
      handler: async (c) => {
        const record = await existing(c);
        if (!record) return c.text(`No such ${kind.singular}`, 404);
        return show(
          c,
          record.id,
          kind.valuesOf(record),
          {},
          c.req.query('saved') ? 'Saved.' : undefined,
        );
      },
    },
    {
      method: 'POST',
      path: `${kind.path}/:id`,
      action: 'catalog.edit',
      handler: async (c) => {
        const record = await existing(c);
        if (!record) return c.text(`No such ${kind.singular}`, 404);
        return save(c, record.id);
      },
    },
  ];
}
