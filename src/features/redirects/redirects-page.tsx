import type { Redirect } from '../../core/entities.ts';
import { AdminLayout, type AdminPageContext } from '../../ui/admin/admin-layout.tsx';
import { Field, fieldBinder, SelectField } from '../../ui/admin/form-fields.tsx';
import { Flash, RefusedNotice } from '../../ui/admin/notices.tsx';
import { PostButton } from '../../ui/admin/post-button.tsx';
import { ListTable } from '../../ui/components/list-table.tsx';

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
  const bound = fieldBinder(v, errors);
  return (
    <AdminLayout ctx={ctx} title="Redirects">
      <h1>Redirects</h1>
      <Flash message={props.message} />
      <h2>Add a redirect</h2>
      <RefusedNotice errors={errors}>
        The redirect was not added; everything you typed is kept.
      </RefusedNotice>
      <form method="post" action="/admin/redirects">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <Field
          {...bound('fromPath')}
          label="Old address"
          required
          hint="A path on this site, e.g. /old/report.html"
        />
        <Field
          {...bound('toPath')}
          label="New address"
          required
          hint="A path on this site, e.g. /reports/camp-25/"
        />
        <SelectField
          {...bound('statusCode')}
          label="Kind"
          empty={null}
          options={[
            { value: '301', label: 'Moved for good (301)' },
            { value: '302', label: 'Moved for now (302)' },
          ]}
        />
        <button type="submit">Add</button>
      </form>
      <h2>Kept redirects</h2>
      <ListTable
        items={props.redirects}
        columns={['Old address', 'New address', 'Kind']}
        unnamed="Delete"
        empty="None yet."
        row={(r) => (
          <tr>
            <td>
              <code>{r.fromPath}</code>
            </td>
            <td>
              <code>{r.toPath}</code>
            </td>
            <td>{r.statusCode}</td>
            <td>
              <PostButton
                ctx={ctx}
                action={`/admin/redirects/${r.id}/delete`}
                label="Delete"
                danger
              />
            </td>
          </tr>
        )}
      />
    </AdminLayout>
  );
}
