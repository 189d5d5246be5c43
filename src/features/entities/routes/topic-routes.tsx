import type { AppContext } from '../../../core/app-context.ts';
import type { Topic } from '../../../core/entities.ts';
import type { TopicInput } from '../../../core/schemas.ts';
import type { AdminRoute } from '../../accounts/index.ts';
import { createTopic } from '../create-entities.ts';
import { updateTopic } from '../update-entities.ts';
import { ENTITY_KINDS } from '../views/entity-list.tsx';
import { TOPIC_FIELDS, TopicForm, type TopicFormValues } from '../views/topic-form.tsx';
import { entityRoutes, textFields } from './entity-crud.tsx';

/** Key words. Renaming one rebuilds the search entries of the work tagged with it. */
export function topicRoutes(app: AppContext): AdminRoute[] {
  return entityRoutes<Topic, TopicFormValues, TopicInput>(app, ENTITY_KINDS.topics, {
    repo: app.repos.topics,
    listItem: (t) => ({
      id: t.id,
      label: t.nameKo ? `${t.name} · ${t.nameKo}` : t.name,
      detail: t.slug,
    }),
    ...textFields(TOPIC_FIELDS),
    toInput: (v) => ({ input: { ...v, slug: v.slug.trim() } }),
    create: createTopic,
    update: updateTopic,
    form: TopicForm,
  });
}
