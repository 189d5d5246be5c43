import type { AppContext } from '../../../core/app-context.ts';
import type { Place } from '../../../core/entities.ts';
import { preferredName } from '../../../core/place-name.ts';
import type { PlaceInput } from '../../../core/schemas.ts';
import { idOrNull } from '../../../ui/admin/form-values.ts';
import { type AdminRoute, numberOrNull, rows, text } from '../../accounts/index.ts';
import { createPlace } from '../create-entities.ts';
import { updatePlace } from '../update-entities.ts';
import { ENTITY_KINDS } from '../views/entity-list.tsx';
import { PlaceForm, type PlaceFormValues } from '../views/place-form.tsx';
import { entityRoutes, textFields } from './entity-crud.tsx';

const NAME_KEYS = ['name', 'language', 'scheme', 'preferred'] as const;

const fields = textFields(
  [
    'slug',
    'kind',
    'parentId',
    'parentSource',
    'latitude',
    'longitude',
    'coordinatesSource',
    'footprintSource',
  ],
  { kind: 'facility' },
);

/** The outline as the editor pasted it: JSON, or nothing. Its shape is checked by placeInput. */
function parsedOutline(pasted: string): { value: unknown } | { error: string } {
  if (pasted.trim() === '') return { value: null };
  try {
    return { value: JSON.parse(pasted) };
  } catch {
    return { error: 'Not JSON: paste a GeoJSON Polygon or MultiPolygon' };
  }
}

/**
 * Places with their names in every script and romanization, their kind, the place they lie in,
 * and coordinates and an outline (GeoJSON), each with its source. Saving one rebuilds the search
 * entries of the work linked to it, in the same transaction (see updatePlace).
 */
export function placeRoutes(app: AppContext): AdminRoute[] {
  return entityRoutes<Place, PlaceFormValues, PlaceInput>(app, ENTITY_KINDS.places, {
    repo: app.repos.places,
    listItem: (p, all) => {
      const parent = all.find((q) => q.id === p.parentId);
      const inside = parent ? ` in ${preferredName(parent.names)}` : '';
      return { id: p.id, label: preferredName(p.names) || p.slug, detail: `${p.kind}${inside}` };
    },
    empty: { ...fields.empty, footprint: '', names: [] },
    valuesOf: (p) => ({
      ...fields.valuesOf(p),
      footprint: p.footprint ? JSON.stringify(p.footprint) : '',
      names: p.names.map((n) => ({ ...n })),
    }),
    read: (body) => ({
      ...fields.read(body),
      footprint: text(body, 'footprint'),
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
      const outline = parsedOutline(v.footprint);
      if ('error' in outline) errors.footprint = outline.error;
      if (Object.keys(errors).length > 0 || 'error' in outline) return { errors };
      return {
        input: {
          slug: v.slug.trim(),
          kind: v.kind as PlaceInput['kind'],
          parentId: idOrNull(v.parentId),
          latitude,
          longitude,
          coordinatesSource: v.coordinatesSource,
          parentSource: v.parentSource,
          footprint: outline.value,
          footprintSource: v.footprintSource,
          names: v.names.map((n) => ({
            name: n.name,
            language: n.language.trim(),
            scheme: n.scheme as PlaceInput['names'][number]['scheme'],
            preferred: n.preferred,
          })),
        },
      };
    },
    create: createPlace,
    update: updatePlace,
    form: async (props) => {
      const places = await app.repos.places.list();
      const parents = places
        .filter((p) => p.id !== props.id)
        .map((p) => ({ id: p.id, label: `${preferredName(p.names) || p.slug} (${p.kind})` }));
      return <PlaceForm {...props} parents={parents} />;
    },
  });
}
