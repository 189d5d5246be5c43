import type { AppContext } from '../../context.ts';
import type { Topic } from '../../domain/entities.ts';
import type { TopicInput } from '../../domain/schemas.ts';
import { createTopic } from '../../services/catalog-entries.ts';
import { updateTopic } from '../../services/catalog-updates.ts';
import { TopicForm, type TopicFormValues } from '../../views/admin/topic-form.tsx';
import { catalogRoutes } from './catalog-crud.tsx';
import { shown } from './catalog-values.ts';
import type { AdminRoute } from './route-table.ts';
import { text } from './staff-request.ts';

/** Key words. Renaming one rebuilds the search entries of the work tagged with it. */
export function topicRoutes(app: AppContext): AdminRoute[] {
  return catalogRoutes<Topic, TopicFormValues, TopicInput>(app, {
    path: '/admin/topics',
    title: 'Key words',
    singular: 'key word',
    list: () => app.repos.topics.list(),
    find: (id) => app.repos.topics.findById(id),
    listItem: (t) => ({
      id: t.id,
      label: t.nameKo ? `${t.name} · ${t.nameKo}` : t.name,
      detail: t.slug,
    }),
    empty: { slug: '', name: '', nameKo: '' },
    valuesOf: (t) => ({ slug: t.slug, name: t.name, nameKo: shown(t.nameKo) }),
    read: (body) => ({
      slug: text(body, 'slug'),
      name: text(body, 'name'),
      nameKo: text(body, 'nameKo'),
    }),
    toInput: (v) => ({ input: { ...v, slug: v.slug.trim() } }),
    create: (input, actor) => createTopic(app, input, actor),
    update: (id, input, actor) => updateTopic(app, id, input, actor),
    form: async (props) => <TopicForm {...props} />,
  });
}
