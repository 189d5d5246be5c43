import type { AppContext } from '../../../core/app-context.ts';
import type { Organization } from '../../../core/entities.ts';
import type { OrganizationInput } from '../../../core/schemas.ts';
import { orNull } from '../../../ui/admin/form-values.ts';
import type { AdminRoute } from '../../accounts/index.ts';
import { createOrganization } from '../create-entities.ts';
import { updateOrganization } from '../update-entities.ts';
import { ENTITY_KINDS } from '../views/entity-list.tsx';
import {
  ORGANIZATION_FIELDS,
  OrganizationForm,
  type OrganizationFormValues,
} from '../views/organization-form.tsx';
import { entityRoutes, textFields } from './entity-crud.tsx';

/** Publishers, venues, partners and events: where work appeared and where people worked. */
export function organizationRoutes(app: AppContext): AdminRoute[] {
  return entityRoutes<Organization, OrganizationFormValues, OrganizationInput>(
    app,
    ENTITY_KINDS.organizations,
    {
      repo: app.repos.organizations,
      listItem: (o) => ({ id: o.id, label: o.name, detail: `${o.kind} · ${o.slug}` }),
      ...textFields(ORGANIZATION_FIELDS, { kind: 'venue' }),
      // The schema checks the kind; the cast only names the type it will check for.
      toInput: (v) => ({
        input: {
          ...v,
          slug: v.slug.trim(),
          kind: v.kind as OrganizationInput['kind'],
          url: orNull(v.url),
        },
      }),
      create: createOrganization,
      update: updateOrganization,
      form: OrganizationForm,
    },
  );
}
