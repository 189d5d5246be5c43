import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppContext } from '../../../core/app-context.ts';
import type { Person, Place, Topic } from '../../../core/entities.ts';
import { recordIdFrom } from '../../../core/record-id.ts';
import {
  createPerson,
  createPlace,
  createTopic,
  updatePerson,
  updatePlace,
  updateTopic,
} from '../../entities/index.ts';
import { type ApiAudience, visiblePeople, visiblePlaces, visibleTopics } from '../api-reading.ts';
import { type ApiContext, type ApiEnv, ApiProblem } from './api-env.ts';
import {
  idParam,
  listOf,
  personBody,
  personSchema,
  placeBody,
  placeSchema,
  sectionSchema,
  topicBody,
  topicSchema,
} from './api-schemas.ts';
import { authorize } from './authorize.ts';
import { presentPeople, presentPlace, presentSection, presentTopic } from './presenters.ts';
import { problemResponse } from './problem.ts';
import { jsonRequest, jsonResponse, readFailures, writeFailures } from './route-parts.ts';

const refParam = z.object({
  ref: z
    .string()
    .max(200)
    .openapi({ param: { name: 'ref', in: 'path' }, description: 'The id or the slug.' }),
});

/**
 * One kind of catalog entry (people, topics, places): list, read, create, update. Anonymous
 * callers see only the entries with public work, as the public site does.
 */
interface CatalogKind<T extends { id: number; slug: string }, Out> {
  path: string;
  tag: string;
  noun: string;
  schema: z.ZodType<Out>;
  listName: string;
  body: z.ZodType;
  visible: (audience: ApiAudience) => Promise<T[]>;
  present: (items: T[]) => Promise<Out[]>;
  create: (body: never, c: ApiContext) => Promise<T>;
  update: (id: number, body: never, c: ApiContext) => Promise<T>;
}

function registerKind<T extends { id: number; slug: string }, Out>(
  api: OpenAPIHono<ApiEnv>,
  kind: CatalogKind<T, Out>,
): void {
  const find = async (c: ApiContext, ref: string): Promise<T> => {
    const all = await kind.visible(c.get('caller').audience);
    const id = recordIdFrom(ref);
    const found = id !== null ? all.find((x) => x.id === id) : all.find((x) => x.slug === ref);
    if (!found) throw new ApiProblem('not-found', `No such ${kind.noun}.`);
    return found;
  };

  api.openapi(
    createRoute({
      method: 'get',
      path: `/api/v1/${kind.path}`,
      tags: [kind.tag],
      summary: `List ${kind.path}`,
      responses: {
        200: jsonResponse(listOf(kind.schema, kind.listName), 'All of them'),
        ...readFailures,
      },
    }),
    async (c) => {
      const items = await kind.present(await kind.visible(c.get('caller').audience));
      return c.json({ items, total: items.length } as never, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: `/api/v1/${kind.path}/{ref}`,
      tags: [kind.tag],
      summary: `Read one ${kind.noun}`,
      request: { params: refParam },
      responses: {
        200: jsonResponse(kind.schema, `The ${kind.noun}`),
        ...readFailures,
        404: problemResponse(`No such ${kind.noun}, or none with public work`),
      },
    }),
    async (c) => {
      const [out] = await kind.present([await find(c, c.req.valid('param').ref)]);
      return c.json(out as never, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: `/api/v1/${kind.path}`,
      tags: [kind.tag],
      summary: `Create a ${kind.noun}`,
      description: 'Scope `write`, and a role that may edit the catalog (editor or admin).',
      security: [{ token: [] }],
      request: jsonRequest(kind.body),
      responses: { 201: jsonResponse(kind.schema, 'Created'), ...writeFailures },
    }),
    async (c) => {
      authorize(c, 'write', 'entities.edit');
      const created = await kind.create(c.req.valid('json') as never, c);
      const [out] = await kind.present([created]);
      return c.json(out as never, 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'put',
      path: `/api/v1/${kind.path}/{id}`,
      tags: [kind.tag],
      summary: `Update a ${kind.noun}`,
      description:
        'Scope `write`, and a role that may edit the catalog. Every publication linked to it is re-indexed in the same transaction.',
      security: [{ token: [] }],
      request: { params: idParam, ...jsonRequest(kind.body) },
      responses: {
        200: jsonResponse(kind.schema, 'Saved'),
        ...writeFailures,
        404: problemResponse(`No such ${kind.noun}`),
      },
    }),
    async (c) => {
      authorize(c, 'write', 'entities.edit');
      const id = Number(c.req.valid('param').id);
      const saved = await kind.update(id, c.req.valid('json') as never, c);
      const [out] = await kind.present([saved]);
      return c.json(out as never, 200);
    },
  );
}

export function entityRoutes(app: AppContext, api: OpenAPIHono<ApiEnv>): void {
  const now = () => app.clock.now();
  const actor = (c: ApiContext) => c.get('caller').actor;

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/sections',
      tags: ['Sections'],
      summary: 'List sections',
      responses: {
        200: jsonResponse(listOf(sectionSchema, 'SectionList'), 'Every section'),
        ...readFailures,
      },
    }),
    async (c) => {
      const items = (await app.repos.sections.list()).map(presentSection);
      return c.json({ items, total: items.length }, 200);
    },
  );

  registerKind<Person, z.infer<typeof personSchema>>(api, {
    path: 'people',
    tag: 'People',
    noun: 'person',
    schema: personSchema,
    listName: 'PersonList',
    body: personBody,
    visible: (audience) => visiblePeople(app.repos, audience, now()),
    present: (items) => presentPeople(app.repos, items),
    create: (body, c) => createPerson(app, body, actor(c)),
    update: async (id, body, c) => {
      await updatePerson(app, id, body, actor(c));
      return (await app.repos.people.findById(id)) as Person;
    },
  });

  registerKind<Topic, z.infer<typeof topicSchema>>(api, {
    path: 'topics',
    tag: 'Topics',
    noun: 'topic',
    schema: topicSchema,
    listName: 'TopicList',
    body: topicBody,
    visible: (audience) => visibleTopics(app.repos, audience, now()),
    present: async (items) => items.map(presentTopic),
    create: (body, c) => createTopic(app, body, actor(c)),
    update: (id, body, c) => updateTopic(app, id, body, actor(c)),
  });

  registerKind<Place, z.infer<typeof placeSchema>>(api, {
    path: 'places',
    tag: 'Places',
    noun: 'place',
    schema: placeSchema,
    listName: 'PlaceList',
    body: placeBody,
    visible: (audience) => visiblePlaces(app.repos, audience, now()),
    present: async (items) => items.map(presentPlace),
    create: (body, c) => createPlace(app, body, actor(c)),
    update: async (id, body, c) => {
      await updatePlace(app, id, body, actor(c));
      return (await app.repos.places.findById(id)) as Place;
    },
  });
}
