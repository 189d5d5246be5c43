import type { Publication } from '../../../core/entities.ts';
import { AdminLayout, type AdminPageContext } from '../../../ui/admin/admin-layout.tsx';

export function DashboardPage(props: {
  ctx: AdminPageContext;
  counts: Record<string, number>;
  attention: Publication[];
  recent: Publication[];
}) {
  const { ctx } = props;
  return (
    <AdminLayout ctx={ctx} title="Back office">
      <h1>Back office</h1>
      <p>
        <a class="button" href="/admin/publications/new">
          New publication
        </a>
      </p>
      <h2>Work by status</h2>
      <ul class="counts">
        {Object.entries(props.counts).map(([status, n]) => (
          <li>
            <a href={`/admin/publications?status=${status}`}>{status}</a>: {n}
          </li>
        ))}
      </ul>
      {props.attention.length > 0 ? (
        <>
          <h2>Needs attention</h2>
          <ul>
            {props.attention.map((p) => (
              <li>
                <a href={`/admin/publications/${p.id}`}>{p.title}</a> —{' '}
                <span class="quiet">{p.needsAttention}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Recently changed</h2>
      <ul>
        {props.recent.map((p) => (
          <li>
            <a href={`/admin/publications/${p.id}`}>{p.title}</a>{' '}
            <span class="quiet">
              ({p.status}, {p.updatedAt.slice(0, 16).replace('T', ' ')})
            </span>
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}
