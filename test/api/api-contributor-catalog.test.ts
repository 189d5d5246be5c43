import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { createPublication } from '../../src/features/publishing/save-publication.ts';
import { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildPerson,
  buildPlace,
  buildPublication,
  buildSection,
  buildTopic,
  fixedClock,
  testContext,
  unique,
} from '../support/factories.ts';
import { ApiClient, tokenFor } from './api-client.ts';

type Entry = { id: number; slug: string };
type List = { items: Entry[]; total: number };
const KINDS = ['people', 'topics', 'places'] as const;
type Kind = (typeof KINDS)[number];

/**
 * A contributor's `read-drafts` token reads the drafts of its own pieces, and therefore what they
 * name; a person, topic or place known only from another user's draft is, to it, exactly what
 * it is to the public: no such entry. An editor's token still reads the whole catalog.
 */
describeEachDatabase("the API keeps others' drafts' catalog entries from a contributor", (db) => {
  let ctx: AppContext;
  let api: ApiClient;
  let contributor: string;
  let editor: string;
  const entries = {} as Record<'others' | 'own' | 'ownRegion' | 'public', Record<Kind, Entry>>;

  const place = (name: string, parentId: number | null = null) =>
    buildPlace(ctx, name, { parentId });
  const topic = (name: string) => buildTopic(ctx, name);
  const listed = async (kind: Kind, token: string) =>
    (await api.request<List>('GET', `/api/v1/${kind}`, { token })).body.items.map((e) => e.id);

  beforeAll(async () => {
    ctx = await testContext(db(), fixedClock());
    api = await ApiClient.open(createApp(ctx));
    const sectionId = (await buildSection(ctx)).id;
    const user = await tokenFor(ctx, 'contributor', ['read-drafts']);
    contributor = user.token;
    editor = (await tokenFor(ctx, 'editor', ['read-drafts'])).token;

    const linked = async (name: string, parentId: number | null = null) => {
      const person = await buildPerson(ctx, `${name} Person`);
      const t = await topic(`${name} topic`);
      const p = await place(`${name} town`, parentId);
      return { people: person, topics: t, places: p };
    };
    const links = (e: Record<Kind, Entry>) => ({
      contributions: [
        { personId: e.people.id, role: 'author' as const, credit: 'primary' as const },
      ],
      topicIds: [e.topics.id],
      placeIds: [e.places.id],
    });
    const draft = { sectionId, status: 'draft' as const, publishedAt: null };

    entries.others = await linked('Othersdraft');
    await buildPublication(ctx, {
      ...draft,
      title: 'Someone else’s draft',
      ...links(entries.others),
    });

    const region = await place('Ownregion province');
    entries.ownRegion = {
      people: entries.others.people,
      topics: entries.others.topics,
      places: region,
    };
    entries.own = await linked('Owndraft', region.id);
    await createPublication(
      ctx,
      {
        ...draft,
        slug: unique('piece'),
        type: 'article',
        title: 'My own draft',
        ...links(entries.own),
      },
      { ...SYSTEM_ACTOR, userId: user.userId },
    );

    entries.public = await linked('Published');
    await buildPublication(ctx, { sectionId, title: 'Public work', ...links(entries.public) });
  }, 60_000);

  it("answers 404 for a person, topic or place named only in another user's draft", async () => {
    for (const kind of KINDS) {
      const hidden = entries.others[kind];
      for (const ref of [String(hidden.id), hidden.slug]) {
        const res = await api.request('GET', `/api/v1/${kind}/${ref}`, { token: contributor });
        expect(res.status, `${kind}/${ref}`).toBe(404);
      }
      expect(await listed(kind, contributor), kind).not.toContain(hidden.id);
    }
  });

  it('shows the contributor what its own drafts name, and what public work names', async () => {
    for (const kind of KINDS) {
      for (const entry of [entries.own[kind], entries.public[kind]]) {
        const res = await api.request<Entry>('GET', `/api/v1/${kind}/${entry.slug}`, {
          token: contributor,
        });
        expect(res.status, `${kind}/${entry.slug}`).toBe(200);
        expect(res.body.id).toBe(entry.id);
      }
    }
    // The province holding the town its draft names, as the public site counts places.
    const region = entries.ownRegion.places;
    expect(
      (await api.request('GET', `/api/v1/places/${region.id}`, { token: contributor })).status,
    ).toBe(200);
  });

  it('still shows an editor with read-drafts the whole catalog', async () => {
    for (const kind of KINDS) {
      const hidden = entries.others[kind];
      const res = await api.request('GET', `/api/v1/${kind}/${hidden.slug}`, { token: editor });
      expect(res.status, kind).toBe(200);
      expect(await listed(kind, editor)).toContain(hidden.id);
    }
  });
});
