import type { AppContext } from '../../context.ts';
import type { Series } from '../../domain/entities.ts';
import type { SeriesInput } from '../../domain/schemas.ts';
import { createSeries } from '../../services/catalog-entries.ts';
import { updateSeries } from '../../services/catalog-updates.ts';
import { SeriesForm, type SeriesFormValues } from '../../views/admin/series-form.tsx';
import { catalogRoutes } from './catalog-crud.tsx';
import { shown } from './catalog-values.ts';
import type { AdminRoute } from './route-table.ts';
import { text } from './staff-request.ts';

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
