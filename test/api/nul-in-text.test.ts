import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import type { Section } from '../../src/core/entities.ts';
import { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { buildSection, fixedClock, testContext, unique } from '../support/factories.ts';
import { ApiClient, tokenFor } from './api-client.ts';

/** PostgreSQL's text cannot hold a NUL: a text carrying one is refused by name, on both. */
describeEachDatabase('a NUL character in a text', (db) => {
  let ctx: AppContext;
  let api: ApiClient;
  let section: Section;
  let token: string;

  beforeAll(async () => {
    ctx = await testContext(db(), fixedClock());
    api = await ApiClient.open(createApp(ctx));
    section = await buildSection(ctx);
    token = (await tokenFor(ctx, 'editor', ['write'])).token;
  }, 60_000);

  for (const field of ['title', 'summary', 'body'] as const) {
    it(`is refused in a publication's ${field} with a clear problem, and nothing is written`, async () => {
      const before = await ctx.repos.publications.count();
      const res = await api.request('POST', '/api/v1/publications', {
        token,
        json: {
          sectionId: section.id,
          slug: unique('nul'),
          type: 'report',
          title: 'A title',
          [field]: 'before\u0000after',
        },
      });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('NUL character');
      expect(await ctx.repos.publications.count()).toBe(before);
    });
  }
});
