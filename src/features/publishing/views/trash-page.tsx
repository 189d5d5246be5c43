import type { Publication, Section } from '../../../core/entities.ts';
import { AdminLayout, type AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import { Flash } from '../../../ui/admin/notices.tsx';
import { PostButton } from '../../../ui/admin/post-button.tsx';
import { ListTable } from '../../../ui/components/list-table.tsx';

export interface TrashItem {
  publication: Publication;
  deletedAt: string;
  purgeAt: string;
}

const day = (iso: string) => iso.slice(0, 10);

/** Deleted work, restorable until the day it is purged; only admins purge sooner. */
export function TrashPage(props: {
  ctx: AdminPageContext;
  items: TrashItem[];
  sections: Section[];
  trashDays: number;
  canPurge: boolean;
  message?: string;
}) {
  const { ctx } = props;
  return (
    <AdminLayout ctx={ctx} title="Trash">
      <h1>Trash</h1>
      <p class="hint">
        Deleted work stays here for {props.trashDays} days, hidden from every public page, then is
        purged for good.
      </p>
      <Flash message={props.message} />
      <ListTable
        items={props.items}
        columns={['Title', 'Section', 'Deleted', 'Purged on']}
        unnamed="Actions"
        empty="The trash is empty."
        row={({ publication: p, deletedAt, purgeAt }) => (
          <tr>
            <td>{p.title}</td>
            <td>{props.sections.find((s) => s.id === p.sectionId)?.title ?? ''}</td>
            <td>{day(deletedAt)}</td>
            <td>
              <time datetime={purgeAt}>{day(purgeAt)}</time>
            </td>
            <td>
              <PostButton ctx={ctx} action={`/admin/trash/${p.id}/restore`} label="Restore" />{' '}
              {props.canPurge ? (
                <PostButton
                  ctx={ctx}
                  action={`/admin/trash/${p.id}/purge`}
                  label="Purge now"
                  danger
                />
              ) : null}
            </td>
          </tr>
        )}
      />
    </AdminLayout>
  );
}
