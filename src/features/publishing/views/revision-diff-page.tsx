import { AdminLayout, type AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import { ColumnHeads } from '../../../ui/components/column-heads.tsx';
import type { DiffRow } from '../revisions/line-diff.ts';
import type { RevisionComparison } from '../revisions/revision-view.ts';

/** One side of a body line: its number and its text, compact so a long body stays readable. */
function Cell(props: { side: DiffRow['left'] | DiffRow['right'] }) {
  const { side } = props;
  if (!side) return <td />;
  const body =
    side.kind === 'removed' ? (
      <del>{side.text}</del>
    ) : side.kind === 'added' ? (
      <ins>{side.text}</ins>
    ) : (
      side.text
    );
  return (
    <td>
      <span class="quiet">{side.line}</span> <code>{body}</code>
    </td>
  );
}

/** Two versions side by side: the fields that changed first, then the body line by line. */
export function RevisionDiffPage(props: {
  ctx: AdminPageContext;
  id: number;
  title: string;
  a: number;
  b: number;
  comparison: RevisionComparison;
}) {
  const { comparison } = props;
  const changed = comparison.fields.filter((f) => f.changed);
  const versions = [`Version ${props.a}`, `Version ${props.b}`];
  return (
    <AdminLayout ctx={props.ctx} title={`Version ${props.a} and ${props.b}: ${props.title}`}>
      <h1>
        “{props.title}”: version {props.a} and version {props.b}
      </h1>
      <p>
        <a href={`/admin/publications/${props.id}/revisions`}>All revisions</a>
      </p>
      <h2>Fields</h2>
      {changed.length === 0 ? (
        <p>No field other than the body differs.</p>
      ) : (
        <table class="diff">
          <ColumnHeads columns={['Field', ...versions]} />
          <tbody>
            {changed.map((f) => (
              <tr>
                <th scope="row">{f.label}</th>
                <td>
                  <pre class="value">
                    <del>{f.before}</del>
                  </pre>
                </td>
                <td>
                  <pre class="value">
                    <ins>{f.after}</ins>
                  </pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Body</h2>
      {comparison.bodyChanged ? (
        <table class="diff">
          <ColumnHeads columns={versions} />
          <tbody>
            {comparison.body.map((row) =>
              'skipped' in row ? (
                <tr>
                  <td colspan={2} class="quiet">
                    … {row.skipped} unchanged {row.skipped === 1 ? 'line' : 'lines'} …
                  </td>
                </tr>
              ) : (
                <tr>
                  <Cell side={row.left} />
                  <Cell side={row.right} />
                </tr>
              ),
            )}
          </tbody>
        </table>
      ) : (
        <p>The body is the same in both versions.</p>
      )}
    </AdminLayout>
  );
}
