import { AdminLayout, type AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import { ColumnHeads } from '../../../ui/components/column-heads.tsx';
import type { PublicationFormValues } from './publication-form.tsx';

export interface FieldDifference {
  field: keyof PublicationFormValues;
  label: string;
  mine: string;
  theirs: string;
}

/**
 * Someone saved this publication while you were editing. Nothing of yours was written: both
 * versions are shown side by side, and you choose, field by field, what the merge keeps.
 */
export function ConflictPage(props: {
  ctx: AdminPageContext;
  id: number;
  currentVersion: number;
  yourVersion: number;
  differences: FieldDifference[];
  mine: PublicationFormValues;
}) {
  const { ctx } = props;
  return (
    <AdminLayout ctx={ctx} title="Someone else saved first">
      <h1>Someone else saved this publication first</h1>
      <p role="alert" class="flash error">
        You edited version {props.yourVersion}; the publication is now at version{' '}
        {props.currentVersion}. Nothing you typed was lost and nothing was overwritten. Choose what
        to keep for each field that differs, then save the merge.
      </p>
      <form method="post" action={`/admin/publications/${props.id}/merge`} class="conflict">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <input type="hidden" name="version" value={String(props.currentVersion)} />
        <input type="hidden" name="mine" value={JSON.stringify(props.mine)} />
        <table class="diff">
          <ColumnHeads columns={['Field', 'Your version', 'Saved version']} />
          <tbody>
            {props.differences.map((d) => (
              <tr>
                <th scope="row">{d.label}</th>
                <td>
                  <label>
                    <input type="radio" name={`keep.${d.field}`} value="mine" checked /> Keep yours
                  </label>
                  <pre class="value">{d.mine}</pre>
                </td>
                <td>
                  <label>
                    <input type="radio" name={`keep.${d.field}`} value="theirs" /> Keep the saved
                    one
                  </label>
                  <pre class="value">{d.theirs}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit">Save the merge</button>
      </form>
    </AdminLayout>
  );
}
