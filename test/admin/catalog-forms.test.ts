import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { createOrganization } from '../../src/features/entities/create-entities.ts';
import { searchArchive } from '../../src/features/search/search-archive.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import type { Browserish } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildPerson,
  buildPlace,
  buildPublication,
  buildTopic,
  unique,
} from '../support/factories.ts';
import { backOfficeAs, fieldValue, sentBack } from './back-office-support.ts';

describeEachDatabase('the catalog forms', (db) => {
  let ctx: AppContext;
  let editor: Browserish;
  let contributor: Browserish;
  const idFrom = (res: Response, path: string) =>
    Number(new RegExp(`${path}/(\\d+)\\?saved=1$`).exec(res.headers.get('location') ?? '')?.[1]);
  const found = async (q: string) =>
    (await searchArchive(ctx, { q, pageSize: 50 })).hits.map((h) => h.publicationId);

  beforeAll(async () => {
    ({ ctx, editor, contributor } = await backOfficeAs(db(), 'editor', 'contributor'));
  }, 60_000);

  it('creates a person with roles over time, then removes one role and adds another', async () => {
    const org = await createOrganization(
      ctx,
      { slug: unique('hrnk'), name: 'HRNK', kind: 'publisher' },
      SYSTEM_ACTOR,
    );
    const slug = unique('greg');
    const res = await editor.submit('/admin/people/new', '/admin/people', {
      name: 'Greg Scarlatoiu',
      sortName: 'Scarlatoiu, Greg',
      slug,
      'roles[0][title]': 'Director of Public Affairs',
      'roles[0][organizationId]': String(org.id),
      'roles[0][startsOn]': '2008',
      'roles[0][endsOn]': '2012',
      'roles[1][title]': 'Executive Director',
      'roles[1][organizationId]': String(org.id),
      'roles[1][startsOn]': '2012-05',
      'roles[2][title]': '',
    });
    expect(res.status).toBe(303);
    const id = idFrom(res, '/admin/people');
    let person = (await ctx.repos.people.findById(id))!;
    expect(person.roles).toEqual([
      {
        title: 'Director of Public Affairs',
        organizationId: org.id,
        startsOn: '2008',
        endsOn: '2012',
      },
      { title: 'Executive Director', organizationId: org.id, startsOn: '2012-05', endsOn: null },
    ]);
    const page = await (await editor.request(`/admin/people/${id}?saved=1`)).text();
    expect(page).toContain('Saved.');
    expect(fieldValue(page, 'roles[1][title]')).toBe('Executive Director');

    const update = await editor.submit(`/admin/people/${id}`, `/admin/people/${id}`, {
      name: 'Greg Scarlatoiu',
      sortName: 'Scarlatoiu, Greg',
      slug,
      'roles[0][title]': '',
      'roles[1][title]': 'Executive Director',
      'roles[1][organizationId]': String(org.id),
      'roles[1][startsOn]': '2012-05',
      'roles[2][title]': 'Board member',
      'roles[2][startsOn]': '2020',
    });
    expect(update.status).toBe(303);
    person = (await ctx.repos.people.findById(id))!;
    expect(person.roles.map((r) => r.title)).toEqual(['Executive Director', 'Board member']);
    const events = await ctx.repos.audit.list({ action: 'person.update' });
    expect(events.some((e) => e.subjectId === String(id))).toBe(true);
  });

  it('shows a wrong role date beside its cell and keeps everything typed (422)', async () => {
    const page = await sentBack(
      editor.submit('/admin/people/new', '/admin/people', {
        name: 'Roberta Cohen',
        sortName: 'Cohen, Roberta',
        slug: unique('roberta'),
        bio: 'A bio with “quotes” & ampersands',
        'roles[0][title]': 'Co-Chair',
        'roles[0][startsOn]': 'last spring',
      }),
    );
    expect(page).toContain('Use YYYY, YYYY-MM or YYYY-MM-DD');
    expect(fieldValue(page, 'roles[0][title]')).toBe('Co-Chair');
    expect(fieldValue(page, 'roles[0][startsOn]')).toBe('last spring');
    expect(fieldValue(page, 'name')).toBe('Roberta Cohen');
    expect(page).toContain('A bio with “quotes” &amp; ampersands');
  });

  it('renaming a person rebuilds the search entries of the work they contributed to', async () => {
    const person = await buildPerson(ctx, 'Hazel Okonkwo');
    const piece = await buildPublication(ctx, {
      contributions: [{ personId: person.id, role: 'author', credit: 'primary' }],
    });
    expect(await found('okonkwo')).toContain(piece.id);
    const res = await editor.submit(`/admin/people/${person.id}`, `/admin/people/${person.id}`, {
      name: 'Hazel Quillfeather',
      sortName: 'Quillfeather, Hazel',
      slug: person.slug,
    });
    expect(res.status).toBe(303);
    expect(await found('quillfeather')).toContain(piece.id);
    expect(await found('okonkwo')).not.toContain(piece.id);
  });

  it('keeps a place with names in several scripts, its parent and sourced coordinates', async () => {
    const province = await buildPlace(
      ctx,
      { name: 'North Hamgyong', language: 'en', scheme: 'english', preferred: true },
      { kind: 'province' },
    );
    const slug = unique('camp-25');
    const res = await editor.submit('/admin/places/new', '/admin/places', {
      slug,
      kind: 'facility',
      parentId: String(province.id),
      latitude: '41.79',
      longitude: '129.72',
      coordinatesSource: 'HRNK imagery report, 2016',
      'names[0][name]': 'Camp No. 25',
      'names[0][language]': 'en',
      'names[0][scheme]': 'english',
      'names[0][preferred]': '1',
      'names[1][name]': '제25호 교화소',
      'names[1][language]': 'ko',
      'names[1][scheme]': 'hangul',
      'names[2][name]': 'Chŏngŏ-ri',
      'names[2][language]': 'ko-Latn',
      'names[2][scheme]': 'mccune-reischauer',
      'names[3][name]': '',
    });
    expect(res.status).toBe(303);
    const place = (await ctx.repos.places.findById(idFrom(res, '/admin/places')))!;
    expect(place).toMatchObject({
      slug,
      kind: 'facility',
      parentId: province.id,
      latitude: 41.79,
      longitude: 129.72,
    });
    expect(place.names).toEqual([
      { name: 'Camp No. 25', language: 'en', scheme: 'english', preferred: true },
      { name: '제25호 교화소', language: 'ko', scheme: 'hangul', preferred: false },
      { name: 'Chŏngŏ-ri', language: 'ko-Latn', scheme: 'mccune-reischauer', preferred: false },
    ]);
    // A province cannot be moved inside its own camp.
    const loop = await editor.submit(
      `/admin/places/${province.id}`,
      `/admin/places/${province.id}`,
      {
        slug: province.slug,
        kind: 'province',
        parentId: String(place.id),
        'names[0][name]': 'North Hamgyong',
        'names[0][language]': 'en',
        'names[0][scheme]': 'english',
      },
    );
    expect(await sentBack(loop)).toContain('A place cannot lie inside itself');
  });

  it('refuses coordinates without a source, beside the field, keeping the typed names (422)', async () => {
    const page = await sentBack(
      editor.submit('/admin/places/new', '/admin/places', {
        slug: unique('yodok'),
        kind: 'facility',
        latitude: '39.83',
        longitude: '126.83',
        coordinatesSource: '',
        'names[0][name]': '요덕 수용소',
        'names[0][language]': 'ko',
        'names[0][scheme]': 'hangul',
      }),
    );
    expect(page).toContain('Coordinates need a source');
    expect(fieldValue(page, 'names[0][name]')).toBe('요덕 수용소');
    expect(fieldValue(page, 'latitude')).toBe('39.83');
    const notANumber = await editor.submit('/admin/places/new', '/admin/places', {
      slug: unique('yodok'),
      kind: 'facility',
      latitude: 'north',
      'names[0][name]': 'Yodok',
      'names[0][language]': 'en',
      'names[0][scheme]': 'english',
    });
    expect(fieldValue(await sentBack(notANumber), 'latitude')).toBe('north');
  });

  it('renaming a place or a topic refreshes the work linked to it', async () => {
    const topic = await buildTopic(ctx, 'Wombat studies');
    const place = await buildPlace(ctx, {
      name: 'Xylotown',
      language: 'en',
      scheme: 'english',
      preferred: true,
    });
    const piece = await buildPublication(ctx, { topicIds: [topic.id], placeIds: [place.id] });
    const renamedTopic = await editor.submit(
      `/admin/topics/${topic.id}`,
      `/admin/topics/${topic.id}`,
      {
        slug: topic.slug,
        name: 'Numbat studies',
      },
    );
    expect(renamedTopic.status).toBe(303);
    expect(await found('numbat')).toContain(piece.id);
    const renamedPlace = await editor.submit(
      `/admin/places/${place.id}`,
      `/admin/places/${place.id}`,
      {
        slug: place.slug,
        kind: 'town',
        'names[0][name]': 'Zephyrville',
        'names[0][language]': 'en',
        'names[0][scheme]': 'english',
        'names[0][preferred]': '1',
      },
    );
    expect(renamedPlace.status).toBe(303);
    expect(await found('zephyrville')).toContain(piece.id);
  });

  it('creates and edits sections, refusing a reserved slug beside the field', async () => {
    const page = await sentBack(
      editor.submit('/admin/sections/new', '/admin/sections', {
        slug: 'admin',
        title: 'Administration',
        titleKo: '관리',
        disclaimer: 'Views are the authors’ own.',
      }),
    );
    expect(page).toContain('This word is reserved for the site itself');
    expect(fieldValue(page, 'titleKo')).toBe('관리');
    expect(fieldValue(page, 'disclaimer')).toBe('Views are the authors’ own.');

    const slug = unique('commentary');
    const created = await editor.submit('/admin/sections/new', '/admin/sections', {
      slug,
      title: 'Commentary',
      titleKo: '논평',
      position: '3',
    });
    expect(created.status).toBe(303);
    const id = idFrom(created, '/admin/sections');
    const edited = await editor.submit(`/admin/sections/${id}`, `/admin/sections/${id}`, {
      slug,
      title: 'Commentary',
      titleKo: '논평',
      descriptionKo: '설명',
      position: '4',
    });
    expect(edited.status).toBe(303);
    expect(await ctx.repos.sections.findById(id)).toMatchObject({
      titleKo: '논평',
      descriptionKo: '설명',
      position: 4,
    });
    expect(await (await editor.request('/admin/sections')).text()).toContain('Commentary');
  });

  it('creates and edits organizations, topics and series, refusing a taken slug', async () => {
    const orgSlug = unique('nk-watch');
    const org = await editor.submit('/admin/organizations/new', '/admin/organizations', {
      slug: orgSlug,
      name: 'NK Watch',
      kind: 'partner',
      url: 'https://example.org/',
    });
    expect(org.status).toBe(303);
    const orgId = idFrom(org, '/admin/organizations');
    expect(
      (
        await editor.submit(`/admin/organizations/${orgId}`, `/admin/organizations/${orgId}`, {
          slug: orgSlug,
          name: 'NK Watch',
          nameKo: '북한인권',
          kind: 'venue',
          url: '',
        })
      ).status,
    ).toBe(303);
    expect(await ctx.repos.organizations.findById(orgId)).toMatchObject({
      kind: 'venue',
      nameKo: '북한인권',
      url: null,
    });

    const series = await editor.submit('/admin/series/new', '/admin/series', {
      slug: unique('camp-25'),
      title: 'Camp No. 25',
    });
    expect(series.status).toBe(303);

    const topicSlug = unique('forced-labour');
    expect(
      (
        await editor.submit('/admin/topics/new', '/admin/topics', {
          slug: topicSlug,
          name: 'Forced labour',
        })
      ).status,
    ).toBe(303);
    const page = await sentBack(
      editor.submit('/admin/topics/new', '/admin/topics', {
        slug: topicSlug,
        name: 'Forced labor',
      }),
    );
    expect(page).toContain('This slug is already taken');
    expect(fieldValue(page, 'name')).toBe('Forced labor');
  });

  it('answers 404 for an entry that does not exist', async () => {
    expect((await editor.request('/admin/people/999999')).status).toBe(404);
    expect((await editor.request('/admin/places/not-a-number')).status).toBe(404);
  });

  it('keeps contributors out of the catalog', async () => {
    for (const path of [
      '/admin/people',
      '/admin/places/new',
      '/admin/topics',
      '/admin/sections',
      '/admin/organizations',
      '/admin/series',
    ]) {
      expect((await contributor.request(path)).status, path).toBe(403);
    }
    const res = await contributor.submit('/admin', '/admin/topics', {
      slug: unique('t'),
      name: 'Sneaky',
    });
    expect(res.status).toBe(403);
    expect((await ctx.repos.topics.list()).some((t) => t.name === 'Sneaky')).toBe(false);
  });
});
