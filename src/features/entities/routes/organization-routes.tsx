import type { AppContext } from '../../../context.ts';
import type { Organization } from '../../../core/entities.ts';
import type { OrganizationInput } from '../../../core/schemas.ts';
import type { AdminRoute } from '../../../web/admin/route-table.ts';
import { text } from '../../../web/admin/staff-request.ts';
import { createOrganization } from '../entities.ts';
import { updateOrganization } from '../entity-updates.ts';
import { OrganizationForm, type OrganizationFormValues } from '../views/organization-form.tsx';
import { catalogRoutes } from './entity-crud.tsx';
import { orNull, shown } from './entity-values.ts';

/** Publishers, venues, partners and events: where work appeared and where people worked. */
export function organizationRoutes(app: AppContext): AdminRoute[] {
  return catalogRoutes<Organization, OrganizationFormValues, OrganizationInput>(app, {
    path: '/admin/organizations',
    title: 'Organizations',
    singular: 'organization',
    list: () => app.repos.organizations.list(),
    find: (id) => app.repos.organizations.findById(id),
    listItem: (o) => ({ id: o.id, label: o.name, detail: `${o.kind} · ${o.slug}` }),
    empty: { slug: '', name: '', nameKo: '', kind: 'venue', url: '' },
    valuesOf: (o) => ({
      slug: o.slug,
      name: o.name,
      nameKo: shown(o.nameKo),
      kind: o.kind,
      url: shown(o.url),
    }),
    read: (body) => ({
      slug: text(body, 'slug'),
      name: text(body, 'name'),
      nameKo: text(body, 'nameKo'),
      kind: text(body, 'kind'),
      url: text(body, 'url'),
    }),
    // The schema checks the kind; the cast only names the type it will check for.
    toInput: (v) => ({
      input: {
        ...v,
        slug: v.slug.trim(),
        kind: v.kind as OrganizationInput['kind'],
        url: orNull(v.url),
      },
    }),
    create: (input, actor) => createOrganization(app, input, actor),
    update: (id, input, actor) => updateOrganization(app, id, input, actor),
    form: async (props) => <OrganizationForm {...props} />,
  });
}
