import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import type { PublicationInput } from '../../src/core/schemas.ts';
import type { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildPerson,
  buildPlace,
  buildPublication,
  buildTopic,
  fixedClock,
} from '../support/factories.ts';
import { archiveWithSection, EMBARGO_ENDS, edit, NOW, PAST, SCHEDULED_FOR } from './helpers.ts';

const HIDDEN = ['draft', 'embargoed', 'scheduled', 'withdrawn'] as const;
type Hidden = (typeof HIDDEN)[number];

/** One name of each kind a filter can take, all credited on the same piece. */
interface Names {
  person: { word: string; slug: string };
  topic: { word: string; slug: string };
  /** A camp the piece is filed under, and the province it lies in. */
  camp: { word: string; slug: string };
  province: { word: string; slug: string };
}

const namesFor = (tag: string): Names => ({
  person: { word: `Quarrender${tag}`, slug: `person-${tag}` },
  topic: { word: `Cryptozoology${tag}`, slug: `topic-${tag}` },
  camp: { word: `Zhabokrich${tag}`, slug: `camp-${tag}` },
  province: { word: `Tolmachev${tag}`, slug: `province-${tag}` },
});

/** A name nobody in the archive has, of the same shape. */
const NOBODY = namesFor('nobody');

/** The ways a reader names an entry: `field:value` in the query, or a facet link's slug. */
const ASKS: Array<{
  what: string;
  params: (n: Names) => Record<string, string>;
  /** An exclusion: the piece credited is left out rather than found. */
  excludes?: true;
}> = [
  { what: 'author:', params: (n) => ({ q: `author:${n.person.word}` }) },
  { what: 'word and author:', params: (n) => ({ q: `report author:${n.person.word}` }) },
  {
    what: '-author:',
    params: (n) => ({ q: `report -author:${n.person.word}` }),
    excludes: true,
  },
  { what: 'topic:', params: (n) => ({ q: `topic:${n.topic.word}` }) },
  {
    what: 'word and -topic:',
    params: (n) => ({ q: `report -topic:${n.topic.word}` }),
    excludes: true,
  },
  { what: 'place: (camp)', params: (n) => ({ q: `place:${n.camp.word}` }) },
  { what: 'place: (province)', params: (n) => ({ q: `place:${n.province.word}` }) },
  { what: 'place: by slug', params: (n) => ({ q: `place:${n.camp.slug}` }) },
  { what: 'person facet', params: (n) => ({ q: '', person: n.person.slug }) },
  { what: 'topic facet', params: (n) => ({ q: 'report', topic: n.topic.slug }) },
  { what: 'place facet', params: (n) => ({ q: '', place: n.province.slug }) },
];

const SURFACES = ['/search', '/ko/search', '/api/v1/search'];

/**
 * The search filters `author:`, `topic:` and `place:` (and the facet selections) know a person,
 * topic or place only through public work. One credited only on a draft, an embargoed, a
 * scheduled or a withdrawn piece gets the answer a name nobody has gets, on the search page in
 * both languages and in the API, down to the last byte once the name itself is set aside: the
 * "No author matches" note and its absence would otherwise tell who is in the archive.
 */
describeEachDatabase('search filters name only what public work credits', (db) => {
  const clock = fixedClock(NOW);
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;
  const hidden = {} as Record<Hidden, Names>;
  const open = namesFor('public');

  /** Everything a surface answers, with the asked-for names (and only they) masked. */
  const answer = async (surface: string, params: Record<string, string>, names: Names) => {
    const res = await app.request(`${surface}?${new URLSearchParams(params)}`);
    let body = await res.text();
    for (const { word, slug } of [names.person, names.topic, names.camp, names.province]) {
      body = body.replaceAll(word, '«word»').replaceAll(slug, '«slug»');
    }
    return { status: res.status, type: res.headers.get('content-type'), body };
  };

  const api = async (params: Record<string, string>) => {
    const res = await app.request(`/api/v1/search?${new URLSearchParams(params)}`);
    expect(res.status).toBe(200);
    return (await res.json()) as { total: number; hits: Array<{ slug: string }>; notes: string[] };
  };

  const addEntries = async (names: Names) => {
    const person = await buildPerson(ctx, `Ottoline ${names.person.word}`, {
      slug: names.person.slug,
      sortName: names.person.word,
    });
    const topic = await buildTopic(ctx, names.topic.word, { slug: names.topic.slug });
    const province = await buildPlace(ctx, names.province.word, {
      slug: names.province.slug,
      kind: 'province',
    });
    const camp = await buildPlace(ctx, names.camp.word, {
      slug: names.camp.slug,
      kind: 'facility',
      parentId: province.id,
    });
    return {
      contributions: [{ personId: person.id, role: 'author' as const, credit: 'primary' as const }],
      topicIds: [topic.id],
      placeIds: [camp.id],
    };
  };

  beforeAll(async () => {
    const archive = await archiveWithSection(db(), clock);
    ({ ctx, app } = archive);
    const { sectionId } = archive;
    const piece = (overrides: Partial<PublicationInput>) =>
      buildPublication(ctx, { sectionId, publishedAt: PAST, title: 'A report', ...overrides });
    await piece({ ...(await addEntries(open)), slug: 'public-report' });
    for (const state of HIDDEN) hidden[state] = namesFor(state);
    await piece({ ...(await addEntries(hidden.draft)), status: 'draft' });
    await piece({
      ...(await addEntries(hidden.embargoed)),
      slug: 'embargoed-report',
      embargoUntil: EMBARGO_ENDS,
    });
    await piece({
      ...(await addEntries(hidden.scheduled)),
      status: 'scheduled',
      scheduledAt: SCHEDULED_FOR,
      publishedAt: SCHEDULED_FOR,
    });
    const withdrawn = await piece(await addEntries(hidden.withdrawn));
    await edit(ctx, withdrawn, { status: 'withdrawn', withdrawnReason: 'Retracted.' });
    // "Kalmoru" names a hidden place exactly and a public one without its suffix: the filter
    // must reach the public one, as it would if the hidden one did not exist.
    const kalmoru = await buildPlace(ctx, 'Kalmoru', { kind: 'village' });
    const kalmoruRi = await buildPlace(ctx, 'Kalmoru-ri', { kind: 'village' });
    await piece({ placeIds: [kalmoru.id], status: 'draft' });
    await piece({ placeIds: [kalmoruRi.id], slug: 'kalmoru-ri-report' });
  }, 60_000);

  it('answers for a name credited only on hidden work exactly as for a name nobody has', async () => {
    for (const state of HIDDEN) {
      for (const ask of ASKS) {
        for (const surface of SURFACES) {
          const got = await answer(surface, ask.params(hidden[state]), hidden[state]);
          const none = await answer(surface, ask.params(NOBODY), NOBODY);
          expect(got, `${state}, ${ask.what}, ${surface}`).toEqual(none);
        }
      }
    }
    expect((await api({ q: `author:${NOBODY.person.word}` })).notes).toContain(
      `No author matches "${NOBODY.person.word}".`,
    );
  });

  it('resolves people, topics, camps and the provinces above them credited on public work', async () => {
    for (const ask of ASKS) {
      const r = await api(ask.params(open));
      expect(r.notes, ask.what).toEqual([]);
      const found = r.hits.map((h) => h.slug);
      if (ask.excludes) expect(found, ask.what).not.toContain('public-report');
      else expect(found, ask.what).toEqual(['public-report']);
    }
  });

  it('skips a hidden place to reach a public one its name also reaches', async () => {
    const r = await api({ q: 'place:Kalmoru' });
    expect(r.notes).toEqual([]);
    expect(r.hits.map((h) => h.slug)).toEqual(['kalmoru-ri-report']);
  });

  it('resolves the names of an embargoed piece once its embargo ends', async () => {
    clock.set(EMBARGO_ENDS);
    try {
      for (const ask of ASKS) {
        const r = await api(ask.params(hidden.embargoed));
        expect(r.notes, ask.what).toEqual([]);
        const found = r.hits.map((h) => h.slug);
        if (ask.excludes) expect(found, ask.what).not.toContain('embargoed-report');
        else expect(found, ask.what).toEqual(['embargoed-report']);
      }
      // The draft's names stay unknown.
      expect((await api({ q: `author:${hidden.draft.person.word}` })).notes).toEqual([
        `No author matches "${hidden.draft.person.word}".`,
      ]);
    } finally {
      clock.set(NOW);
    }
  });
});
