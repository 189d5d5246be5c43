import type { AppContext } from '../../../context.ts';
import type { Series } from '../../../core/entities.ts';
import type { SeriesInput } from '../../../core/schemas.ts';
import type { AdminRoute } from '../../../web/admin/route-table.ts';
import { text } from '../../../web/admin/staff-request.ts';
import { createSeries } from '../entities.ts';
import { updateSeries } from '../entity-updates.ts';
import { SeriesForm, type SeriesFormValues } from '../views/series-form.tsx';
import { catalogRoutes } from './entity-crud.tsx';
import { shown } from './entity-values.ts';

/** Series of publications (Camp No. 25 → Update → Update 2). */
export function seriesRoutes(app: AppContext): AdminRoute[] {
  return catalogRoutes<Series, SeriesFormValues, SeriesInput>(app, {
    path: '/admin/series',
    title: 'Series',
    singular: 'series',
    list: () => app.repos.series.list(),
    find: (id) => app.repos.series.findById(id),
    listItem: (s) => ({ id: s.id, label: s.title, detail: s.slug }),
    empty: { slug: '', title: '', titleKo: '' },
    valuesOf: (s) => ({ slug: s.slug, title: s.title, titleKo: shown(s.titleKo) }),
    read: (body) => ({
      slug: text(body, 'slug'),
      title: text(body, 'title'),
      titleKo: text(body, 'titleKo'),
    }),
    toInput: (v) => ({ input: { ...v, slug: v.slug.trim() } }),
    create: (input, actor) => createSeries(app, input, actor),
    update: (id, input, actor) => updateSeries(app, id, input, actor),
    form: async (props) => <SeriesForm {...props} />,
  });
}
