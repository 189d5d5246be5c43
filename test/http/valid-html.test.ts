import * as cheerio from 'cheerio';
import { HtmlValidate } from 'html-validate';
import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { DEMO_PAGE_TYPES, demoContext } from '../support/demo-context.ts';
import { buildPublication } from '../support/factories.ts';

/** Every page type, in both interface languages, checked by html-validate's document rules. */
const PAGES = [...DEMO_PAGE_TYPES, '/search?q=Hamgyong', '/admin/sign-in'];

const validator = new HtmlValidate({
  extends: ['html-validate:standard', 'html-validate:document'],
  // A title names the page and the archive; the length rule is about search snippets, not validity.
  rules: { 'long-title': 'off' },
});

describeEachDatabase('valid HTML', (db) => {
  let app: ReturnType<typeof createApp>;
  let ctx: Awaited<ReturnType<typeof demoContext>>;
  beforeAll(async () => {
    ctx = await demoContext(db());
    app = createApp(ctx);
  }, 120_000);

  it('gives a summary and a body with notes their own ids, and each list of notes a heading', async () => {
    const section = (await ctx.repos.sections.findBySlug('articles'))!;
    const piece = await buildPublication(ctx, {
      sectionId: section.id,
      slug: 'notes-twice',
      summary: 'The summary cites a letter.[^1]\n\n[^1]: The letter of 2014.',
      body: 'The body cites a report.[^1]\n\n[^1]: The report of 2013, <https://example.org/r>.',
    });
    for (const locale of ['', '/ko']) {
      const url = `${locale}/articles/${piece.slug}/`;
      const html = await (await app.request(`http://localhost${url}`)).text();
      const report = await validator.validateString(html);
      expect(report.results.flatMap((r) => r.messages.map((m) => m.message))).toEqual([]);
      const $ = cheerio.load(html);
      expect($('section.footnotes').length).toBe(2);
      expect(
        $('section.footnotes > :first-child')
          .map((_, h) => h.tagName)
          .get(),
      ).toEqual(['h3', 'h2']);
      expect($('section.footnotes > :first-child').first().text()).toBe(locale ? '주석' : 'Notes');
      // The body's note leads to the body's own note, not to the summary's.
      const target = $('.body .footnote-ref a').attr('href')!.slice(1);
      expect($(`[id="${target}"]`).text()).toContain('The report of 2013');
    }
  });

  it('serves every page type as valid HTML in English and Korean', async () => {
    const problems: string[] = [];
    for (const locale of ['', '/ko']) {
      for (const path of PAGES) {
        const url = path.startsWith('/admin') ? path : `${locale}${path}`;
        const html = await (await app.request(`http://localhost${url}`)).text();
        const report = await validator.validateString(html);
        for (const r of report.results)
          for (const m of r.messages) problems.push(`${url}: ${m.ruleId} ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
