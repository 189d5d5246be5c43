import type { AppContext } from '../../../core/app-context.ts';
import type { Series } from '../../../core/entities.ts';
import type { SeriesInput } from '../../../core/schemas.ts';
import type { AdminRoute } from '../../accounts/index.ts';
import { createSeries } from '../create-entities.ts';
import { updateSeries } from '../update-entities.ts';
import { ENTITY_KINDS } from '../views/entity-list.tsx';
import { SERIES_FIELDS, SeriesForm, type SeriesFormValues } from '../views/series-form.tsx';
import { entityRoutes, textFields } from './entity-crud.tsx';

/** Series of publications (Camp No. 25 → Update → Update 2). */
export function seriesRoutes(app: AppContext): AdminRoute[] {
  return entityRoutes<Series, SeriesFormValues, SeriesInput>(app, ENTITY_KINDS.series, {
    repo: app.repos.series,
    listItem: (s) => ({ id: s.id, label: s.title, detail: s.slug }),
    ...textFields(SERIES_FIELDS),
    toInput: (v) => ({ input: { ...v, slug: v.slug.trim() } }),
    create: createSeries,
    update: updateSeries,
    form: SeriesForm,
  });
}
