import type { Child } from 'hono/jsx';
import { AdminLayout, type AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import { CatalogNav } from './entity-list.tsx';

/** What every catalog form shows around its fields: heading, outcome, error summary, save. */
export interface CatalogFormProps<V> {
  ctx: AdminPageContext;
  /** The list's path, e.g. /admin/people; the form posts to it or to `${path}/${id}`. */
  path: string;
  id: number | null;
  values: V;
  errors: Record<string, string>;
  message?: string;
}

export function CatalogFormFrame(props: {
  ctx: AdminPageContext;
  path: string;
  id: number | null;
  title: string;
  errors: Record<string, string>;
  message?: string;
  children?: Child;
}) {
  const { ctx, errors } = props;
  const action = props.id ? `${props.path}/${props.id}` : props.path;
  return (
    <AdminLayout ctx={ctx} title={props.title}>
      <CatalogNav current={props.path} />
      <h1>{props.title}</h1>
      {props.message ? (
        <p class="flash" role="status">
          {props.message}
        </p>
      ) : null}
      {Object.keys(errors).length > 0 ? (
        <div class="flash error" role="alert">
          <p>
            Please correct the marked fields. Nothing was saved yet; everything you typed is kept.
          </p>
          {errors.form ? <p class="error">{errors.form}</p> : null}
        </div>
      ) : null}
      <form method="post" action={action}>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        {props.children}
        <p>
          <button type="submit">Save</button>
        </p>
      </form>
    </AdminLayout>
  );
}

/** A select with an empty choice, its label, and its error beside it. */
export function SelectField(props: {
  label: string;
  name: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  error?: string;
  required?: boolean;
  empty?: string | null;
}) {
  const id = `f-${props.name.replace(/[^a-zA-Z0-9]+/g, '-')}`;
  return (
    <div class={`field${props.error ? ' has-error' : ''}`}>
      <label for={id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      >
        {props.empty !== null ? <option value="">{props.empty ?? '—'}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.error ? (
        <p class="error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** An error for one cell of a row table, read by its full path ('names.2.name'). */
export function CellError(props: { errors: Record<string, string>; path: string }) {
  const message = props.errors[props.path];
  return message ? <p class="error">{message}</p> : null;
}
