import type { AppContext } from '../../../context.ts';
import type { Topic } from '../../../core/entities.ts';
import type { TopicInput } from '../../../core/schemas.ts';
import type { AdminRoute } from '../../../web/admin/route-table.ts';
import { text } from '../../../web/admin/staff-request.ts';
import { createTopic } from '../entities.ts';
import { updateTopic } from '../entity-updates.ts';
import { TopicForm, type TopicFormValues } from '../views/topic-form.tsx';
import { catalogRoutes } from './entity-crud.tsx';
import { shown } from './entity-values.ts';

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
