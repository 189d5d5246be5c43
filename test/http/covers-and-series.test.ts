import * as cheerio from 'cheerio';
import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { demoContext, FLOOD } from '../support/demo-context.ts';
import { editPublication } from '../support/factories.ts';

const UPDATE_2 = '/reports/north-korea-camp-no-25-update-2/';

describeEachDatabase('report covers and the series navigator', (db) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    // The PDF job draws the covers, as it does behind `npm start`.
    ctx = await demoContext(db(), undefined, undefined, { extract: true });
    app = createApp(ctx);
  }, 120_000);

  async function page(path: string) {
    const res = await app.request(`http://localhost${path}`);
    return { res, $: cheerio.load(await res.text()) };
  }

  it('shows each report with its cover on listings: sized, loaded lazily, named for its title', async () => {
    const { $ } = await page('/reports/');
    const entry = $('main .entry').filter((_, e) =>
      $(e).find('.entry-title').text().includes('Flooding at Kyo-hwa-so No. 12'),
    );
    const cover = entry.find('img.cover');
    expect(cover.attr('alt')).toBe('Cover of North Korea: Flooding at Kyo-hwa-so No. 12, Jongo-ri');
    expect(cover.attr('loading')).toBe('lazy');
    expect(Number(cover.attr('width'))).toBe(320);
    expect(Number(cover.attr('height'))).toBeGreaterThan(320);
    const image = await app.request(`http://localhost${cover.attr('src')}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toMatch(/^image\//);
  });

  it('shows the cover on the piece itself, beside its facts, without lazy loading', async () => {
    const { $ } = await page(FLOOD);
    const cover = $('.pub-facts img.cover');
    expect(cover.attr('alt')).toMatch(/^Cover of /);
    expect(cover.attr('loading')).toBeUndefined();
    const ko = await page(`/ko${FLOOD}`);
    expect(ko.$('.pub-facts img.cover').attr('alt')).toMatch(/ 표지$/);
  });

  it('stops serving a cover when its piece goes back to draft', async () => {
    const { $ } = await page(FLOOD);
    const src = $('.pub-facts img.cover').attr('src')!;
    expect((await app.request(`http://localhost${src}`)).status).toBe(200);
    const section = (await ctx.repos.sections.findBySlug('reports'))!;
    const record = (await ctx.repos.publications.findBySlug(
      section.id,
      'north-korea-flooding-at-kyo-hwa-so-no-12-jongo-ri',
    ))!;
    await editPublication(ctx, record.id, { status: 'draft' });
    expect((await app.request(`http://localhost${src}`)).status).toBe(404);
    await editPublication(ctx, record.id, { status: 'published' });
    expect((await app.request(`http://localhost${src}`)).status).toBe(200);
  });

  it('lists every part of a series in order, linking the public ones and naming no draft', async () => {
    const { $ } = await page(UPDATE_2);
    const parts = $('nav.series li')
      .map((_, li) => $(li).text().replace(/\s+/g, ' ').trim())
      .get();
    expect(parts).toEqual([
      'Part 1 — not published yet',
      'Part 2 — not published yet',
      'Part 3: North Korea Camp No. 25 Update 2 (this page)',
    ]);
    expect($('nav.series [aria-current="page"]').length).toBe(1);
    // Parts 1 and 2 are drafts: their titles are nowhere on the page.
    for (const slug of ['north-korea-camp-no-25', 'north-korea-camp-no-25-update']) {
      const draft = (await ctx.repos.publications.findAllBySlug(slug))[0]!;
      expect(draft.status).toBe('draft');
      expect($.html()).not.toContain(draft.title);
    }
    const ko = await page(`/ko${UPDATE_2}`);
    expect(ko.$('nav.series li').first().text()).toBe('1편 — 아직 공개되지 않음');
  });

  it('links a part once it is published, and marks the neighbour as the next one', async () => {
    const section = (await ctx.repos.sections.findBySlug('reports'))!;
    const update = (await ctx.repos.publications.findBySlug(
      section.id,
      'north-korea-camp-no-25-update',
    ))!;
    await editPublication(ctx, update.id, {
      status: 'published',
      publishedAt: '2016-05-01T00:00:00.000Z',
    });
    const { $ } = await page(UPDATE_2);
    const link = $('nav.series a[rel="prev"]');
    expect(link.text()).toBe(update.title);
    expect(link.attr('href')).toBe('/reports/north-korea-camp-no-25-update/');
    expect($('nav.series li').first().text()).toBe('Part 1 — not published yet');
  });
});
