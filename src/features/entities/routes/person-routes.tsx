import type { AppContext } from '../../../context.ts';
import type { Person } from '../../../core/entities.ts';
import type { PersonInput } from '../../../core/schemas.ts';
import type { AdminRoute } from '../../../web/admin/route-table.ts';
import { rows, text } from '../../../web/admin/staff-request.ts';
import { createPerson } from '../entities.ts';
import { updatePerson } from '../entity-updates.ts';
import { PersonForm, type PersonFormValues } from '../views/person-form.tsx';
import { catalogRoutes } from './entity-crud.tsx';
import { idOrNull, orNull, shown } from './entity-values.ts';

const ROLE_KEYS = ['title', 'organizationId', 'startsOn', 'endsOn'] as const;

/**
 * People with their roles over time. Saving a person rebuilds the search entries of every piece
 * they contributed to, in the same transaction (see updatePerson).
 */
export function personRoutes(app: AppContext): AdminRoute[] {
  return catalogRoutes<Person, PersonFormValues, PersonInput>(app, {
    path: '/admin/people',
    title: 'People',
    singular: 'person',
    list: () => app.repos.people.list(),
    find: (id) => app.repos.people.findById(id),
    listItem: (p) => ({
      id: p.id,
      label: p.sortName,
      detail: p.roles.map((r) => r.title).join('; ') || p.slug,
    }),
    empty: {
      slug: '',
      name: '',
      sortName: '',
      nameKo: '',
      bio: '',
      bioKo: '',
      orcid: '',
      roles: [],
    },
    valuesOf: (p) => ({
      slug: p.slug,
      name: p.name,
      sortName: p.sortName,
      nameKo: shown(p.nameKo),
      bio: shown(p.bio),
      bioKo: shown(p.bioKo),
      orcid: shown(p.orcid),
      roles: p.roles.map((r) => ({
        title: r.title,
        organizationId: shown(r.organizationId),
        startsOn: shown(r.startsOn),
        endsOn: shown(r.endsOn),
      })),
    }),
    read: (body) => ({
      slug: text(body, 'slug'),
      name: text(body, 'name'),
      sortName: text(body, 'sortName'),
      nameKo: text(body, 'nameKo'),
      bio: text(body, 'bio').replace(/\r\n/g, '\n'),
      bioKo: text(body, 'bioKo').replace(/\r\n/g, '\n'),
      orcid: text(body, 'orcid'),
      roles: rows(body, 'roles', ROLE_KEYS, 'title'),
    }),
    toInput: (v) => ({
      input: {
        ...v,
        slug: v.slug.trim(),
        orcid: orNull(v.orcid),
        roles: v.roles.map((r) => ({
          title: r.title,
          organizationId: idOrNull(r.organizationId),
          startsOn: orNull(r.startsOn),
          endsOn: orNull(r.endsOn),
        })),
      },
    }),
    create: (input, actor) => createPerson(app, input, actor),
    update: (id, input, actor) => updatePerson(app, id, input, actor),
    form: async (props) => (
      <PersonForm {...props} organizations={await app.repos.organizations.list()} />
    ),
  });
}
