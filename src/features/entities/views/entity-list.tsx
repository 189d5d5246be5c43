import { AdminLayout, type AdminPageContext } from '../../../ui/admin/admin-layout.tsx';

/** The catalog's kinds, linked from each of their pages: the main menu has room for only some. */
export const CATALOG_KINDS = [
  { label: 'People', path: '/admin/people' },
  { label: 'Organizations', path: '/admin/organizations' },
  { label: 'Topics', path: '/admin/topics' },
  { label: 'Places', path: '/admin/places' },
  { label: 'Sections', path: '/admin/sections' },
  { label: 'Series', path: '/admin/series' },
] as const;

export function CatalogNav(props: { current: string }) {
  return (
    <nav aria-label="Catalog">
      <p>
        {CATALOG_KINDS.map((k, i) => (
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

export interface CatalogListItem {
  id: number;
  label: string;
  /** A second column: the slug, a kind, a parent. */
  detail: string;
}

export function CatalogList(props: {
  ctx: AdminPageContext;
  title: string;
  path: string;
  singular: string;
  items: CatalogListItem[];
}) {
  return (
    <AdminLayout ctx={props.ctx} title={props.title}>
      <CatalogNav current={props.path} />
      <h1>{props.title}</h1>
      <p>
        <a class="button" href={`${props.path}/new`}>
          New {props.singular}
        </a>
      </p>
      {props.items.length === 0 ? (
        <p>Nothing here yet.</p>
      ) : (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((item) => (
              <tr>
                <td>
                  <a href={`${props.path}/${item.id}`}>{item.label}</a>
                </td>
                <td>{item.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}
