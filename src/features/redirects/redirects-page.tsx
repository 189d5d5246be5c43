import type { Redirect } from '../../core/entities.ts';
import { AdminLayout, type AdminPageContext, Field } from '../../ui/admin/admin-layout.tsx';
import { SelectField } from '../entities/views/entity-form-frame.tsx';

export interface RedirectFormValues {
  fromPath: string;
  toPath: string;
  statusCode: string;
}

/** Old addresses and where they now lead; the site answers them only when no page lives there. */
export function RedirectsPage(props: {
  ctx: AdminPageContext;
  redirects: Redirect[];
  values: RedirectFormValues;
  errors: Record<string, string>;
  message?: string;
}) {
  const { ctx, values: v, errors } = props;
  return (
    <AdminLayout ctx={ctx} title="Redirects">
      <h1>Redirects</h1>
      {props.message ? (
        <p class="flash" role="status">
          {props.message}
        </p>
      ) : null}
      <h2>Add a redirect</h2>
      {Object.keys(errors).length > 0 ? (
        <p class="flash error" role="alert">
          The redirect was not added; everything you typed is kept.
        </p>
      ) : null}
      <form method="post" action="/admin/redirects">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <Field
          label="Old address"
          name="fromPath"
          value={v.fromPath}
          required
          error={errors.fromPath}
          hint="A path on this site, e.g. /old/report.html"
        />
        <Field
          label="New address"
          name="toPath"
          value={v.toPath}
          required
          error={errors.toPath}
          hint="A path on this site, e.g. /reports/camp-25/"
        />
        <SelectField
          label="Kind"
          name="statusCode"
          value={v.statusCode}
          empty={null}
          error={errors.statusCode}
          options={[
            { value: '301', label: 'Moved for good (301)' },
            { value: '302', label: 'Moved for now (302)' },
          ]}
        />
        <button type="submit">Add</button>
      </form>
      <h2>Kept redirects</h2>
      {props.redirects.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">Old address</th>
              <th scope="col">New address</th>
              <th scope="col">Kind</th>
              <th scope="col">
                <span class="visually-hidden">Delete</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.redirects.map((r) => (
              <tr>
                <td>
                  <code>{r.fromPath}</code>
                </td>
                <td>
                  <code>{r.toPath}</code>
                </td>
                <td>{r.statusCode}</td>
                <td>
                  <form method="post" action={`/admin/redirects/${r.id}/delete`} class="inline">
                    <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                    <button type="submit" class="danger">
                      Delete
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}
