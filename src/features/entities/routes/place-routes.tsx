import type { AppContext } from '../../../context.ts';
import type { Place } from '../../../core/entities.ts';
import type { PlaceInput } from '../../../core/schemas.ts';
import type { AdminRoute } from '../../../web/admin/route-table.ts';
import { numberOrNull, rows, text } from '../../../web/admin/staff-request.ts';
import { preferredName } from '../../reading/publication-page.ts';
import { createPlace } from '../entities.ts';
import { updatePlace } from '../entity-updates.ts';
import { PlaceForm, type PlaceFormValues } from '../views/place-form.tsx';
import { catalogRoutes } from './entity-crud.tsx';
import { idOrNull, shown } from './entity-values.ts';

const NAME_KEYS = ['name', 'language', 'scheme', 'preferred'] as const;

/**
 * Places with their names in every script and romanization, their kind, the place they lie in,
 * and coordinates with their source. Saving one rebuilds the search entries of the work linked
 * to it, in the same transaction (see updatePlace).
 */
export function placeRoutes(app: AppContext): AdminRoute[] {
  return catalogRoutes<Place, PlaceFormValues, PlaceInput>(app, {
    path: '/admin/places',
    title: 'Places',
    singular: 'place',
    list: () => app.repos.places.list(),
    find: (id) => app.repos.places.findById(id),
    listItem: (p, all) => {
      const parent = all.find((q) => q.id === p.parentId);
      const inside = parent ? ` in ${preferredName(parent.names)}` : '';
      return { id: p.id, label: preferredName(p.names) || p.slug, detail: `${p.kind}${inside}` };
    },
    empty: {
      slug: '',
      kind: 'facility',
      parentId: '',
      latitude: '',
      longitude: '',
      coordinatesSource: '',
      names: [],
    },
    valuesOf: (p) => ({
      slug: p.slug,
      kind: p.kind,
      parentId: shown(p.parentId),
      latitude: shown(p.latitude),
      longitude: shown(p.longitude),
      coordinatesSource: shown(p.coordinatesSource),
      names: p.names.map((n) => ({ ...n })),
    }),
    read: (body) => ({
      slug: text(body, 'slug'),
      kind: text(body, 'kind'),
      parentId: text(body, 'parentId'),
      latitude: text(body, 'latitude'),
      longitude: text(body, 'longitude'),
      coordinatesSource: text(body, 'coordinatesSource'),
      names: rows(body, 'names', NAME_KEYS, 'name').map((n) => ({
        ...n,
        preferred: n.preferred === '1',
      })),
    }),
    toInput: (v) => {
      const latitude = numberOrNull(v.latitude);
      const longitude = numberOrNull(v.longitude);
      const errors: Record<string, string> = {};
      if (Number.isNaN(latitude)) errors.latitude = 'Decimal degrees, like 41.79';
      if (Number.isNaN(longitude)) errors.longitude = 'Decimal degrees, like 129.72';
      if (Object.keys(errors).length > 0) return { errors };
      return {
        input: {
          slug: v.slug.trim(),
          kind: v.kind as PlaceInput['kind'],
          parentId: idOrNull(v.parentId),
          latitude,
          longitude,
          coordinatesSource: v.coordinatesSource,
          names: v.names.map((n) => ({
            name: n.name,
            language: n.language.trim(),
            scheme: n.scheme as PlaceInput['names'][number]['scheme'],
            preferred: n.preferred,
          })),
        },
      };
    },
    create: (input, actor) => createPlace(app, input, actor),
    update: (id, input, actor) => updatePlace(app, id, input, actor),
    form: async (props) => {
      const places = await app.repos.places.list();
      const parents = places
        .filter((p) => p.id !== props.id)
        .map((p) => ({ id: p.id, label: `${preferredName(p.names) || p.slug} (${p.kind})` }));
      return <PlaceForm {...props} parents={parents} />;
    },
  });
}
