import { beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { createOrganization } from '../../src/features/entities/create-entities.ts';
import type { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import type { Browserish } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPerson, buildSection } from '../support/factories.ts';
import { getPage, text } from '../support/html.ts';
import { backOffice } from './back-office-support.ts';

/**
 * An editor records who wrote what: the authors' key words as printed, text the archive wrote,
 * a venue that only announced the piece, and who translated it; the public page then says so.
 */
describeEachDatabase('recording who wrote what in the back office', (db) => {
  let ctx: WiredContext;
  let app: ReturnType<typeof createApp>;
  let editor: Browserish;
  let sectionId: number;
  let sectionSlug: string;
  let personId: number;
  let journalId: number;
  let archiveId: number;

  beforeAll(async () => {
    const office = await backOffice(db());
    ({ ctx, app } = office);
    editor = (await office.signedIn('editor')).browser;
    const section = await buildSection(ctx);
    sectionId = section.id;
    sectionSlug = section.slug;
    personId = (await buildPerson(ctx, 'Carl Gershman')).id;
    journalId = (
      await createOrganization(
        ctx,
        { slug: 'a-journal', name: 'A Journal', kind: 'venue' },
        SYSTEM_ACTOR,
      )
    ).id;
    archiveId = (
      await createOrganization(
        ctx,
        { slug: 'the-archive', name: 'The Archive', nameKo: '아카이브', kind: 'other' },
        SYSTEM_ACTOR,
      )
    ).id;
  }, 60_000);

  it('saves the four fields from the form, shows them back, and the public page says each', async () => {
    const res = await editor.submit('/admin/publications/new', '/admin/publications', {
      sectionId: String(sectionId),
      type: 'article',
      title: 'An announced essay',
      slug: 'an-announced-essay',
      language: 'en',
      publishedAt: '2013-04-01',
      summary: 'What the archive says the essay is about.',
      body: 'What the archive says the essay argues.',
      venueId: String(journalId),
      venueStatus: 'forthcoming',
      keywords: 'Gulag, Memoir',
      archiveText: 'summary-and-body',
      translatedById: String(archiveId),
      'contributions[0][personId]': String(personId),
      'contributions[0][role]': 'author',
      'contributions[0][credit]': 'primary',
    });
    expect(res.status).toBe(303);
    const id = Number(/\/admin\/publications\/(\d+)/.exec(res.headers.get('location')!)![1]);
    const record = (await ctx.repos.publications.findById(id))!;
    expect([
      record.venueStatus,
      record.keywords,
      record.archiveText,
      record.translatedById,
    ]).toEqual(['forthcoming', 'Gulag, Memoir', 'summary-and-body', archiveId]);

    const form = await (await editor.request(`/admin/publications/${id}`)).text();
    expect(form).toMatch(/<option value="forthcoming" selected/);
    expect(form).toMatch(/<option value="summary-and-body" selected/);
    expect(form).toMatch(/name="keywords"[^>]*value="Gulag, Memoir"/);

    const publish = await editor.submit(
      `/admin/publications/${id}`,
      `/admin/publications/${id}/status`,
      { to: 'published', version: String(record.version) },
    );
    expect(publish.status).toBe(303);
    const { res: page, $ } = await getPage(app, `/${sectionSlug}/an-announced-essay/`);
    expect(page.status).toBe(200);
    expect(text($, '#summary-heading')).toBe('Summary by the archive');
    expect(text($, '.archive-text')).toContain('written by the archive');
    expect(text($, '.tags')).toContain('Key words: Gulag, Memoir');
    expect(text($, '.pub-facts')).toContain('Announced as forthcoming in A Journal');
    expect(text($, '.pub-facts')).toContain('Translated by The Archive from the English original');
  });
});
