import type { JSX } from 'hono/jsx/jsx-runtime';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/app-context.ts';
import { shown } from '../../../ui/admin/form-values.ts';
import {
  type AdminContext,
  type AdminRoute,
  actorOf,
  adminPageContext,
  type FormBody,
  fieldErrors,
  formBody,
  loadOr404,
  renderAdmin,
  submitForm,
  text,
} from '../../accounts/index.ts';
import type { EntityFormProps } from '../views/entity-form-frame.tsx';
import { type EntityKindNames, EntityList, type EntityListItem } from '../views/entity-list.tsx';

/**
 * One kind of entity (people, places, topics…) as the back office edits it. Every kind
 * gets the same five routes: list, new, create, edit, update, all behind 'entities.edit'. Values
 * are the form's strings, so a refused save shows back exactly what was typed.
 */
export interface CatalogKind<R extends { id: number }, V, I> {
  repo: { list(): Promise<R[]>; findById(id: number): Promise<R | undefined> };
  listItem(record: R, all: R[]): EntityListItem;
  empty: V;
  valuesOf(record: R): V;
  read(body: FormBody): V;
  /** The service's input, or the errors of values that are not even of the right type. */
  toInput(values: V): { input: I } | { errors: Record<string, string> };
  create(deps: AppContext, input: I, actor: Actor): Promise<{ id: number }>;
  update(deps: AppContext, id: number, input: I, actor: Actor): Promise<unknown>;
  form(props: EntityFormProps<V>): JSX.Element | Promise<JSX.Element>;
}

/**
 * The form half of a kind whose form is text fields only, named as the record's own fields:
 * empty (but for `defaults`), filled from a record, and read from a post, field by field.
 */
export function textFields<K extends string>(
  fields: readonly K[],
  defaults: Partial<Record<K, string>> = {},
) {
  const each = (value: (field: K) => string) =>
    Object.fromEntries(fields.map((f) => [f, value(f)])) as Record<K, string>;
  return {
    empty: each((f) => defaults[f] ?? ''),
    valuesOf: (record: { [F in K]: string | number | null }) => each((f) => shown(record[f])),
    read: (body: FormBody) => each((f) => text(body, f)),
  };
}

export function entityRoutes<R extends { id: number }, V, I>(
  app: AppContext,
  names: EntityKindNames,
  kind: CatalogKind<R, V, I>,
): AdminRoute[] {
  const { path } = names;
  const show = async (
    c: AdminContext,
    id: number | null,
    values: V,
    errors: Record<string, string> = {},
    message?: string,
  ) => {
    const page = await kind.form({
      ctx: await adminPageContext(app, c),
      path,
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
    return submitForm(
      c,
      async () => {
        let savedId = id;
        if (savedId === null) savedId = (await kind.create(app, input, actorOf(c))).id;
        else await kind.update(app, savedId, input, actorOf(c));
        return c.redirect(`${path}/${savedId}?saved=1`, 303);
      },
      (error) => show(c, id, values, fieldErrors(error)),
    );
  };

  const find = (id: number) => kind.repo.findById(id);

  return [
    {
      method: 'GET',
      path,
      action: 'entities.edit',
      handler: async (c) => {
        const all = await kind.repo.list();
        const items = all.map((r) => kind.listItem(r, all));
        return renderAdmin(
          c,
          <EntityList
            ctx={await adminPageContext(app, c)}
            title={names.title}
            path={path}
            singular={names.singular}
            items={items}
          />,
        );
      },
    },
    {
      method: 'GET',
      path: `${path}/new`,
      action: 'entities.edit',
      handler: (c) => show(c, null, kind.empty),
    },
    {
      method: 'POST',
      path,
      action: 'entities.edit',
      handler: (c) => save(c, null),
    },
    {
      method: 'GET',
      path: `${path}/:id`,
      action: 'entities.edit',
      handler: loadOr404(names.singular, find, (c, record) =>
        show(c, record.id, kind.valuesOf(record), {}, c.req.query('saved') ? 'Saved.' : undefined),
      ),
    },
    {
      method: 'POST',
      path: `${path}/:id`,
      action: 'entities.edit',
      handler: loadOr404(names.singular, find, (c, record) => save(c, record.id)),
    },
  ];
}
