import { beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import type { createApp } from '../../src/web/app.tsx';
import type { Browserish } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildSection } from '../support/factories.ts';
import { getPage } from '../support/html.ts';
import { backOffice } from './back-office-support.ts';

/**
 * An editor records that the source printed only a month or a year; the form keeps the choice,
 * and the public page shows the date no more precisely than that.
 */
describeEachDatabase('a date known only to the month or the year, in the back office', (db) => {
  let ctx: WiredContext;
  let app: ReturnType<typeof createApp>;
  let editor: Browserish;
  let sectionId: number;
  let sectionSlug: string;

  beforeAll(async () => {
    const office = await backOffice(db());
    ({ ctx, app } = office);
    editor = (await office.signedIn('editor')).browser;
    const section = await buildSection(ctx);
    sectionId = section.id;
    sectionSlug = section.slug;
  }, 60_000);

  const fields = (publishedAt: string, publishedPrecision: string) => ({
    sectionId: String(sectionId),
    type: 'article',
    title: 'Border Trade After the Closure',
    slug: 'border-trade',
    language: 'en',
    publishedAt,
    publishedPrecision,
    body: 'The markets emptied in a month.',
  });

  it('offers Day, Month only and Year only next to the date, Day chosen for a new piece', async () => {
    const form = await (await editor.request('/admin/publications/new')).text();
    expect(form).toMatch(
      /<select[^>]*name="publishedPrecision"[^>]*>\s*<option value="day" selected[^>]*>Day<\/option>\s*<option value="month"[^>]*>Month only<\/option>\s*<option value="year"[^>]*>Year only<\/option>/,
    );
  });

  it('saves the precision, shows it back on the form, and the public page prints only that', async () => {
    const res = await editor.submit(
      '/admin/publications/new',
      '/admin/publications',
      fields('2020-10-01', 'month'),
    );
    expect(res.status).toBe(303);
    const id = Number(/\/admin\/publications\/(\d+)/.exec(res.headers.get('location')!)![1]);
    const created = (await ctx.repos.publications.findById(id))!;
    expect([created.publishedAt, created.publishedPrecision]).toEqual([
      '2020-10-01T00:00:00.000Z',
      'month',
    ]);
    const form = await (await editor.request(`/admin/publications/${id}`)).text();
    expect(form).toMatch(/<option value="month" selected/);

    const saved = await editor.submit(`/admin/publications/${id}`, `/admin/publications/${id}`, {
      ...fields('2019-01-01', 'year'),
      version: String(created.version),
    });
    expect(saved.status).toBe(303);
    const edited = (await ctx.repos.publications.findById(id))!;
    expect([edited.publishedAt, edited.publishedPrecision]).toEqual([
      '2019-01-01T00:00:00.000Z',
      'year',
    ]);

    const publish = await editor.submit(
      `/admin/publications/${id}`,
      `/admin/publications/${id}/status`,
      { to: 'published', version: String(edited.version) },
    );
    expect(publish.status).toBe(303);
    for (const [locale, shown] of [
      ['', '2019'],
      ['/ko', '2019년'],
    ]) {
      const { res: page, $ } = await getPage(app, `${locale}/${sectionSlug}/border-trade/`);
      expect(page.status).toBe(200);
      const time = $('article header .meta time');
      expect([time.text(), time.attr('datetime')]).toEqual([shown, '2019']);
    }
  });

  it('refuses a precision it does not know, keeping what was typed', async () => {
    const res = await editor.submit('/admin/publications/new', '/admin/publications', {
      ...fields('2020-10-01', 'week'),
      slug: 'a-weekly-date',
    });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('Border Trade After the Closure');
    expect(page).toMatch(/name="publishedPrecision"[^>]*aria-invalid="true"/);
  });
});
