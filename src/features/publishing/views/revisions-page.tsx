import { AdminLayout, type AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import type { RevisionListItem } from '../revisions/revision-view.ts';

/**
 * Every saved version of a publication. Any two can be compared; any one can be restored, which
 * saves its content as a new version on top (the history itself never changes).
 */
export function RevisionsPage(props: {
  ctx: AdminPageContext;
  id: number;
  title: string;
  currentVersion: number;
  revisions: RevisionListItem[];
  message?: string;
  conflict?: boolean;
}) {
  const { ctx, id, revisions } = props;
  const newest = revisions[0]?.version;
  return (
    <AdminLayout ctx={ctx} title={`Revisions: ${props.title}`}>
      <h1>Revisions of “{props.title}”</h1>
      <p>
        <a href={`/admin/publications/${id}`}>Back to the publication</a> · now at version{' '}
        {props.currentVersion}
      </p>
      {props.message ? (
        <p
          class={props.conflict ? 'flash error' : 'flash'}
          role={props.conflict ? 'alert' : 'status'}
        >
          {props.message}
        </p>
      ) : null}
      {revisions.length >= 2 ? (
        <form method="get" action={`/admin/publications/${id}/revisions/diff`}>
          <label for="f-a">Compare version</label>{' '}
          <select id="f-a" name="a">
            {revisions.map((r) => (
              <option value={String(r.version)} selected={r.version === revisions[1]?.version}>
                {r.version}
              </option>
            ))}
          </select>{' '}
          <label for="f-b">with version</label>{' '}
          <select id="f-b" name="b">
            {revisions.map((r) => (
              <option value={String(r.version)} selected={r.version === newest}>
                {r.version}
              </option>
            ))}
          </select>{' '}
          <button type="submit">Compare</button>
        </form>
      ) : null}
      <p class="hint">
        Restoring brings back a version’s content as a new save. The address, status and schedule
        stay as they are now.
      </p>
      <table class="list">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Saved (UTC)</th>
            <th scope="col">By</th>
            <th scope="col">Changes</th>
            <th scope="col">Restore</th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((r, i) => {
            const previous = revisions[i + 1];
            return (
              <tr>
                <td>{r.version}</td>
                <td>{r.createdAt.slice(0, 16).replace('T', ' ')}</td>
                <td>{r.author}</td>
                <td>
                  {previous ? (
                    <a
                      href={`/admin/publications/${id}/revisions/diff?a=${previous.version}&b=${r.version}`}
                    >
                      against version {previous.version}
                    </a>
                  ) : (
                    'first version'
                  )}
                </td>
                <td>
                  {r.version === newest ? (
                    'current'
                  ) : (
                    <form
                      method="post"
                      action={`/admin/publications/${id}/revisions/${r.version}/restore`}
                      class="inline"
                    >
                      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                      <input type="hidden" name="version" value={String(props.currentVersion)} />
                      <button type="submit">Restore version {r.version}</button>
                    </form>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </AdminLayout>
  );
}
