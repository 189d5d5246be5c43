import type { Child } from 'hono/jsx';
import { AdminLayout, type AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import { CorrectionSummary, Flash } from '../../../ui/admin/notices.tsx';
import { EntityNav } from './entity-list.tsx';

/** What every entity form shows around its fields: heading, outcome, error summary, save. */
export interface EntityFormProps<V> {
  ctx: AdminPageContext;
  /** The list's path, e.g. /admin/people; the form posts to it or to `${path}/${id}`. */
  path: string;
  id: number | null;
  values: V;
  errors: Record<string, string>;
  message?: string;
}

export function EntityFormFrame(props: {
  ctx: AdminPageContext;
  path: string;
  id: number | null;
  title: string;
  errors: Record<string, string>;
  message?: string;
  children?: Child;
  /** Shown after the form: forms of their own (a person's photo). */
  after?: Child;
}) {
  const { ctx } = props;
  const action = props.id ? `${props.path}/${props.id}` : props.path;
  return (
    <AdminLayout ctx={ctx} title={props.title}>
      <EntityNav current={props.path} />
      <h1>{props.title}</h1>
      <Flash message={props.message} />
      <CorrectionSummary errors={props.errors} />
      <form method="post" action={action}>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        {props.children}
        <p>
          <button type="submit">Save</button>
        </p>
      </form>
      {props.after}
    </AdminLayout>
  );
}
