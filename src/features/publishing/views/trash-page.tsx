import type { Publication, Section } from '../../../core/entities.ts';
import { AdminLayout, type AdminPageContext } from '../../../ui/admin/admin-layout.tsx';

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
      {props.message ? (
        <p class="flash" role="status">
          {props.message}
        </p>
      ) : null}
      {props.items.length === 0 ? (
        <p>The trash is empty.</p>
      ) : (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Section</th>
              <th scope="col">Deleted</th>
              <th scope="col">Purged on</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.items.map(({ publication: p, deletedAt, purgeAt }) => (
              <tr>
                <td>{p.title}</td>
                <td>{props.sections.find((s) => s.id === p.sectionId)?.title ?? ''}</td>
                <td>{day(deletedAt)}</td>
                <td>
                  <time datetime={purgeAt}>{day(purgeAt)}</time>
                </td>
                <td>
                  <form method="post" action={`/admin/trash/${p.id}/restore`} class="inline">
                    <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                    <button type="submit">Restore</button>
                  </form>{' '}
                  {props.canPurge ? (
                    <form method="post" action={`/admin/trash/${p.id}/purge`} class="inline">
                      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                      <button type="submit" class="danger">
                        Purge now
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}
