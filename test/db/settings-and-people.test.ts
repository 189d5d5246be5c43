import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { ValidationError } from '../../src/core/errors.ts';
import {
  createOrganization,
  createPerson,
  createSection,
} from '../../src/features/entities/create-entities.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { testContext, unique } from '../support/factories.ts';

describeEachDatabase('people, sections and settings', (db) => {
  let ctx: AppContext;
  beforeAll(async () => {
    ctx = await testContext(db());
  });

  it('keeps a person’s roles over time in order, with their organization', async () => {
    const hrnk = await createOrganization(
      ctx,
      {
        slug: unique('hrnk'),
        name: 'Committee for Human Rights in North Korea',
        kind: 'publisher',
      },
      SYSTEM_ACTOR,
    );
    const slug = unique('roberta-cohen');
    await createPerson(
      ctx,
      {
        slug,
        name: 'Roberta Cohen',
        sortName: 'Cohen, Roberta',
        roles: [
          { title: 'HRNK Co-Chair', organizationId: hrnk.id, endsOn: '2015' },
          { title: 'HRNK Co-Chair Emeritus', organizationId: hrnk.id, startsOn: '2016' },
        ],
      },
      SYSTEM_ACTOR,
    );
    const person = await ctx.repos.people.findBySlug(slug);
    expect(person?.roles).toEqual([
      { title: 'HRNK Co-Chair', organizationId: hrnk.id, startsOn: null, endsOn: '2015' },
      { title: 'HRNK Co-Chair Emeritus', organizationId: hrnk.id, startsOn: '2016', endsOn: null },
    ]);
  });

  it('refuses a section slug that is a reserved word', async () => {
    for (const slug of ['people', 'admin', 'api', 'ko', 'healthz']) {
      await expect(createSection(ctx, { slug, title: 'X' }, SYSTEM_ACTOR)).rejects.toThrow(
        ValidationError,
      );
    }
  });

  it('normalizes Unicode so that one word is stored one way', async () => {
    const slug = unique('s');
    // "Hamgyŏng" with a combining breve (NFD) is stored as the precomposed form (NFC).
    await createSection(ctx, { slug, title: 'Hamgyo\u0306ng' }, SYSTEM_ACTOR);
    expect((await ctx.repos.sections.findBySlug(slug))?.title).toBe('Hamgy\u014Fng');
  });

  it('stores settings as JSON and overwrites them by key', async () => {
    await ctx.repos.settings.set('site', { name: 'A' }, '2026-01-01T00:00:00.000Z');
    await ctx.repos.settings.set('site', { name: 'B', nameKo: '북한' }, '2026-01-02T00:00:00.000Z');
    expect(await ctx.repos.settings.get('site')).toEqual({ name: 'B', nameKo: '북한' });
  });

  it('treats e-mail addresses case-insensitively', async () => {
    await ctx.repos.users.insert(
      { email: 'Editor@Example.org', displayName: 'E', role: 'editor' },
      '2026-01-01T00:00:00.000Z',
    );
    expect((await ctx.repos.users.findByEmail('editor@example.ORG'))?.role).toBe('editor');
  });

  it('stores redirects and updates one by its old path', async () => {
    await ctx.repos.redirects.upsert(
      { fromPath: '/publications/hrnk-articles.php', toPath: '/articles/', statusCode: 301 },
      '2026-01-01T00:00:00.000Z',
    );
    await ctx.repos.redirects.upsert(
      { fromPath: '/publications/hrnk-articles.php', toPath: '/articles/?page=1', statusCode: 301 },
      '2026-01-01T00:00:00.000Z',
    );
    expect((await ctx.repos.redirects.find('/publications/hrnk-articles.php'))?.toPath).toBe(
      '/articles/?page=1',
    );
  });
});
