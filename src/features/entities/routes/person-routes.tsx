import type { AppContext } from '../../../core/app-context.ts';
import type { Person } from '../../../core/entities.ts';
import type { PersonInput } from '../../../core/schemas.ts';
import { idOrNull, orNull, shown } from '../../../ui/admin/form-values.ts';
import { type AdminRoute, rows } from '../../accounts/index.ts';
import { createPerson } from '../create-entities.ts';
import { updatePerson } from '../update-entities.ts';
import { ENTITY_KINDS } from '../views/entity-list.tsx';
import { PersonForm, type PersonFormValues } from '../views/person-form.tsx';
import { entityRoutes, textFields } from './entity-crud.tsx';
import { personPhotoRoutes } from './person-photo-routes.tsx';

const ROLE_KEYS = ['title', 'organizationId', 'startsOn', 'endsOn'] as const;

const fields = textFields([
  'slug',
  'name',
  'sortName',
  'nameKo',
  'nameKoSource',
  'bio',
  'bioKo',
  'orcid',
]);

/**
 * People with their roles over time. Saving a person rebuilds the search entries of every piece
 * they contributed to, in the same transaction (see updatePerson).
 */
export function personRoutes(app: AppContext): AdminRoute[] {
  return entityRoutes<Person, PersonFormValues, PersonInput>(app, ENTITY_KINDS.people, {
    repo: app.repos.people,
    listItem: (p) => ({
      id: p.id,
      label: p.sortName,
      detail: p.roles.map((r) => r.title).join('; ') || p.slug,
    }),
    empty: { ...fields.empty, roles: [] },
    valuesOf: personValues,
    read: (body) => {
      const v = fields.read(body);
      return {
        ...v,
        bio: v.bio.replace(/\r\n/g, '\n'),
        bioKo: v.bioKo.replace(/\r\n/g, '\n'),
        roles: rows(body, 'roles', ROLE_KEYS, 'title'),
      };
    },
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
    create: createPerson,
    update: updatePerson,
    form: async (props) => (
      <PersonForm
        {...props}
        organizations={await app.repos.organizations.list()}
        photo={props.id ? (await app.repos.images.photosOf([props.id])).get(props.id) : null}
      />
    ),
  }).concat(personPhotoRoutes(app, personValues));
}

function personValues(p: Person): PersonFormValues {
  return {
    ...fields.valuesOf(p),
    roles: p.roles.map((r) => ({
      title: r.title,
      organizationId: shown(r.organizationId),
      startsOn: shown(r.startsOn),
      endsOn: shown(r.endsOn),
    })),
  };
}
