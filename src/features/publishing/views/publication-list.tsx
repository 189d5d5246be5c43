import type { Publication, Section } from '../../../core/entities.ts';
import { AdminLayout, type AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import { Options } from '../../../ui/admin/form-fields.tsx';
import { statusLabel } from '../../../ui/admin/labels.ts';
import { ListTable } from '../../../ui/components/list-table.tsx';

export function PublicationList(props: {
  ctx: AdminPageContext;
  items: Publication[];
  sections: Section[];
  filter: { status: string; q: string; attention: boolean };
}) {
  const { ctx } = props;
  return (
    <AdminLayout ctx={ctx} title="Publications">
      <h1>Publications</h1>
      <p>
        <a href="/admin/publications/new" class="button">
          New publication
        </a>
      </p>
      <form method="get" action="/admin/publications" class="filters">
        <label for="f-q">Title</label> <input id="f-q" name="q" value={props.filter.q} />{' '}
        <label for="f-status">Status</label>{' '}
        <select id="f-status" name="status">
          <Options
            choices={['', 'draft', 'in-review', 'scheduled', 'published', 'withdrawn'].map((s) => ({
              value: s,
              label: s || 'any',
            }))}
            selected={props.filter.status}
          />
        </select>{' '}
        <label>
          <input type="checkbox" name="attention" value="1" checked={props.filter.attention} />{' '}
          needs attention
        </label>{' '}
        <button type="submit">Filter</button>
      </form>
      <ListTable
        items={props.items}
        columns={['Title', 'Section', 'Status', 'Date', 'Attention']}
        row={(p) => (
          <tr>
            <td>
              <a href={`/admin/publications/${p.id}`}>{p.title}</a>
            </td>
            <td>{props.sections.find((s) => s.id === p.sectionId)?.title}</td>
            <td>
              <span class={`status status-${p.status}`}>{statusLabel(p.status)}</span>
            </td>
            <td>{p.publishedAt?.slice(0, 10) ?? ''}</td>
            <td>
              {p.needsAttention ? (
                <span class="attention" title={p.needsAttention}>
                  needs attention
                </span>
              ) : (
                ''
              )}
            </td>
          </tr>
        )}
      />
    </AdminLayout>
  );
}
