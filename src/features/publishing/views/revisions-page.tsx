import { AdminLayout, type AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import { Options } from '../../../ui/admin/form-fields.tsx';
import { Flash } from '../../../ui/admin/notices.tsx';
import { PostButton } from '../../../ui/admin/post-button.tsx';
import { ListTable } from '../../../ui/components/list-table.tsx';
import type { RevisionListItem } from '../revisions/revision-view.ts';
import { type EditorialNoteItem, EditorialNotesPanel } from './editorial-notes-panel.tsx';

/**
 * Every saved version of a publication. Any two can be compared; any one can be restored, which
 * saves its content as a new version on top (the history itself never changes). Beside them,
 * the piece's editorial notes and sign-offs, which are history too.
 */
export function RevisionsPage(props: {
  ctx: AdminPageContext;
  id: number;
  title: string;
  currentVersion: number;
  revisions: RevisionListItem[];
  notes: EditorialNoteItem[];
  /** A refused note: why, and the text as typed. */
  noteError?: string;
  noteDraft?: string;
  message?: string;
  conflict?: boolean;
}) {
  const { ctx, id, revisions } = props;
  const newest = revisions[0]?.version;
  const versions = revisions.map((r) => String(r.version));
  return (
    <AdminLayout ctx={ctx} title={`Revisions: ${props.title}`}>
      <h1>Revisions of “{props.title}”</h1>
      <p>
        <a href={`/admin/publications/${id}`}>Back to the publication</a> · now at version{' '}
        {props.currentVersion}
      </p>
      <Flash message={props.message} error={props.conflict} />
      {revisions.length >= 2 ? (
        <form method="get" action={`/admin/publications/${id}/revisions/diff`}>
          <label for="f-a">Compare version</label>{' '}
          <select id="f-a" name="a">
            <Options choices={versions} selected={String(revisions[1]?.version)} />
          </select>{' '}
          <label for="f-b">with version</label>{' '}
          <select id="f-b" name="b">
            <Options choices={versions} selected={String(newest)} />
          </select>{' '}
          <button type="submit">Compare</button>
        </form>
      ) : null}
      <p class="hint">
        Restoring brings back a version’s content as a new save. The address, status and schedule
        stay as they are now.
      </p>
      <ListTable
        items={revisions}
        columns={['Version', 'Saved (UTC)', 'By', 'Changes', 'Restore']}
        row={(r, i) => {
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
                  <PostButton
                    ctx={ctx}
                    action={`/admin/publications/${id}/revisions/${r.version}/restore`}
                    fields={{ version: String(props.currentVersion) }}
                    label={`Restore version ${r.version}`}
                  />
                )}
              </td>
            </tr>
          );
        }}
      />
      <EditorialNotesPanel
        ctx={ctx}
        publicationId={id}
        notes={props.notes}
        from="history"
        error={props.noteError}
        draft={props.noteDraft}
      />
    </AdminLayout>
  );
}
