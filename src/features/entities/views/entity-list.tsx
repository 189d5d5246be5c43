import { AdminLayout, type AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import { ListTable } from '../../../ui/components/list-table.tsx';

/** How the back office names one kind of entity, and where it edits them. */
export interface EntityKindNames {
  path: string;
  /** In the catalog's menu. */
  label: string;
  /** Of the list page. */
  title: string;
  /** One of them, as in "New person". */
  singular: string;
}

/** The catalog's kinds, linked from each of their pages: the main menu has room for only some. */
export const ENTITY_KINDS = {
  people: { path: '/admin/people', label: 'People', title: 'People', singular: 'person' },
  organizations: {
    path: '/admin/organizations',
    label: 'Organizations',
    title: 'Organizations',
    singular: 'organization',
  },
  topics: { path: '/admin/topics', label: 'Topics', title: 'Key words', singular: 'key word' },
  places: { path: '/admin/places', label: 'Places', title: 'Places', singular: 'place' },
  sections: { path: '/admin/sections', label: 'Sections', title: 'Sections', singular: 'section' },
  series: { path: '/admin/series', label: 'Series', title: 'Series', singular: 'series' },
} as const satisfies Record<string, EntityKindNames>;

export function EntityNav(props: { current: string }) {
  return (
    <nav aria-label="Catalog">
      <p>
        {Object.values(ENTITY_KINDS).map((k, i) => (
          <>
            {i > 0 ? ' · ' : ''}
            <a href={k.path} aria-current={k.path === props.current ? 'page' : undefined}>
              {k.label}
            </a>
          </>
        ))}
      </p>
    </nav>
  );
}

export interface EntityListItem {
  id: number;
  label: string;
  /** A second column: the slug, a kind, a parent. */
  detail: string;
}

export function EntityList(props: {
  ctx: AdminPageContext;
  title: string;
  path: string;
  singular: string;
  items: EntityListItem[];
}) {
  return (
    <AdminLayout ctx={props.ctx} title={props.title}>
      <EntityNav current={props.path} />
      <h1>{props.title}</h1>
      <p>
        <a class="button" href={`${props.path}/new`}>
          New {props.singular}
        </a>
      </p>
      <ListTable
        items={props.items}
        columns={['Name', 'Details']}
        empty="Nothing here yet."
        row={(item) => (
          <tr>
            <td>
              <a href={`${props.path}/${item.id}`}>{item.label}</a>
            </td>
            <td>{item.detail}</td>
          </tr>
        )}
      />
    </AdminLayout>
  );
}
