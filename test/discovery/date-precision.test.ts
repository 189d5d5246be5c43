import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { Ajv } from 'ajv';
import { HtmlValidate } from 'html-validate';
import jsonld from 'jsonld';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import type { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { demoApp } from '../support/demo-context.ts';
import { sharedValidatorsAvailable, VALIDATORS } from '../support/external.ts';
import { buildPublication } from '../support/factories.ts';
import { getPage, text, texts } from '../support/html.ts';
import { readOai } from './oai-support.ts';

const canValidate = sharedValidatorsAvailable();
const validator = new HtmlValidate({
  extends: ['html-validate:standard', 'html-validate:document'],
  rules: { 'long-title': 'off' },
});
/** HTML's valid month string and valid year string (the <time> element's datetime). */
const MONTH_STRING = /^\d{4,}-(0[1-9]|1[0-2])$/;
const YEAR_STRING = /^\d{4,}$/;

/**
 * A piece whose source printed only "October 2020" or "2019" is shown, marked up and cited as
 * exactly that, in both interface languages and in every scholarly format: never as the first
 * of the month or of January that the archive stores as its instant.
 */
describeEachDatabase('dates kept at the precision the source printed', (db) => {
  let ctx: WiredContext;
  let app: ReturnType<typeof createApp>;
  let month: { id: number; path: string };
  let year: { id: number; path: string };
  const page = (path: string) => getPage(app, path);
  const download = async (path: string) => (await app.request(`http://localhost${path}`)).text();

  beforeAll(async () => {
    ({ ctx, app } = await demoApp(db()));
    const articles = (await ctx.repos.sections.findBySlug('articles'))!;
    const reports = (await ctx.repos.sections.findBySlug('reports'))!;
    const m = await buildPublication(ctx, {
      sectionId: articles.id,
      slug: 'border-trade-after-the-closure',
      title: 'Border Trade After the Closure',
      type: 'article',
      publishedAt: '2020-10-01T00:00:00.000Z',
      publishedPrecision: 'month',
    });
    const y = await buildPublication(ctx, {
      sectionId: reports.id,
      slug: 'notes-on-the-detention-system',
      title: 'Notes on the Detention System',
      type: 'report',
      publishedAt: '2019-01-01T00:00:00.000Z',
      publishedPrecision: 'year',
    });
    month = { id: m.id, path: `/articles/${m.slug}/` };
    year = { id: y.id, path: `/reports/${y.slug}/` };
  }, 120_000);

  it.each([
    ['', 'month', 'October 2020', '2020-10'],
    ['/ko', 'month', '2020년 10월', '2020-10'],
    ['', 'year', '2019', '2019'],
    ['/ko', 'year', '2019년', '2019'],
  ] as const)(
    'shows the %s page of a %s-dated piece as “%s”, <time datetime="%s">',
    async (locale, which, shown, datetime) => {
      const piece = which === 'month' ? month : year;
      const { res, $ } = await page(`${locale}${piece.path}`);
      expect(res.status).toBe(200);
      const header = $('article header .meta time');
      expect([header.text(), header.attr('datetime')]).toEqual([shown, datetime]);
      const facts = $('dl.facts time').first();
      expect([facts.text(), facts.attr('datetime')]).toEqual([shown, datetime]);
      expect(datetime).toMatch(which === 'month' ? MONTH_STRING : YEAR_STRING);
      const html = await (await app.request(`http://localhost${locale}${piece.path}`)).text();
      const report = await validator.validateString(html);
      expect(report.results.flatMap((r) => r.messages.map((m) => m.message))).toEqual([]);
    },
  );

  it.each([
    ['', '/years/2020/', 'Border Trade After the Closure', 'October 2020', '2020-10'],
    ['/ko', '/years/2020/', 'Border Trade After the Closure', '2020년 10월', '2020-10'],
    ['', '/years/2019/', 'Notes on the Detention System', '2019', '2019'],
    ['/ko', '/years/2019/', 'Notes on the Detention System', '2019년', '2019'],
  ] as const)(
    'lists it on %s%s as “%s” at that precision',
    async (locale, listing, title, shown, datetime) => {
      const { res, $ } = await page(`${locale}${listing}`);
      expect(res.status).toBe(200);
      const card = $('article.entry').filter((_, e) => $(e).find('.entry-title').text() === title);
      expect(card.length).toBe(1);
      const time = card.find('.kicker time');
      expect([time.text(), time.attr('datetime')]).toEqual([shown, datetime]);
    },
  );

  it.each([
    ['', 'October 2020'],
    ['/ko', '2020년 10월'],
  ] as const)(
    'shows it at that precision among search results on %s/search',
    async (locale, shown) => {
      const { res, $ } = await page(`${locale}/search?q=${encodeURIComponent('"Border Trade"')}`);
      expect(res.status).toBe(200);
      const hit = $('li.hit').filter(
        (_, e) => $(e).find('.entry-title').text() === 'Border Trade After the Closure',
      );
      expect(hit.length).toBe(1);
      const time = hit.find('.meta time');
      expect([time.text(), time.attr('datetime')]).toEqual([shown, '2020-10']);
    },
  );

  it('cites a month-dated piece with its month and no day, in every text style and download', async () => {
    const { $ } = await page(month.path);
    const styles = texts($, '.cite-styles dd');
    expect(styles).toHaveLength(3);
    expect(styles[0]).toContain('October 2020');
    expect(styles[1]).toContain('(2020, October)');
    expect(styles[2]).toContain('Oct. 2020');
    for (const s of styles) expect(s).not.toMatch(/October 1\b|\b1 Oct|2020-10-01/);

    const [csl] = JSON.parse(await download(`${month.path}cite.json`));
    expect(csl.issued).toEqual({ 'date-parts': [[2020, 10]] });
    const bib = await download(`${month.path}cite.bib`);
    expect(bib).toMatch(/^ {2}year = \{2020\},$/m);
    expect(bib).toMatch(/^ {2}month = \{10\},$/m);
    expect(bib).toMatch(/^ {2}date = \{2020-10\},$/m);
    const ris = await download(`${month.path}cite.ris`);
    expect(ris).toContain('PY  - 2020\r\n');
    expect(ris).toContain('DA  - 2020/10//\r\n');
    // An independent RIS reader takes the date at the same precision.
    const [read] = new Cite(ris).data as Array<{ issued?: unknown }>;
    expect(read?.issued).toEqual({ 'date-parts': [[2020, 10]] });
  });

  it('cites a year-dated piece with its year alone: no month in BibTeX, none in RIS or CSL', async () => {
    const { $ } = await page(year.path);
    for (const s of texts($, '.cite-styles dd')) {
      expect(s).toContain('2019');
      expect(s).not.toMatch(/January|Jan\.|2019-01/);
    }
    const [csl] = JSON.parse(await download(`${year.path}cite.json`));
    expect(csl.issued).toEqual({ 'date-parts': [[2019]] });
    const bib = await download(`${year.path}cite.bib`);
    expect(bib).toMatch(/^ {2}year = \{2019\},$/m);
    expect(bib).not.toMatch(/^ {2}month = /m);
    expect(bib).toMatch(/^ {2}date = \{2019\},$/m);
    const ris = await download(`${year.path}cite.ris`);
    expect(ris).toContain('DA  - 2019///\r\n');
  });

  it('gives Highwire, Dublin Core, JSON-LD and OAI the date at its precision', async () => {
    for (const [piece, slashed, iso] of [
      [month, '2020/10', '2020-10'],
      [year, '2019', '2019'],
    ] as const) {
      const { $ } = await page(piece.path);
      expect($('meta[name="citation_publication_date"]').attr('content')).toBe(slashed);
      expect($('meta[name="DC.date"]').attr('content')).toBe(iso);
      const work = $('script[type="application/ld+json"]')
        .toArray()
        .map((s) => JSON.parse($(s).text()) as Record<string, unknown>)
        .find((n) => n['@type'] !== 'BreadcrumbList');
      expect(work?.datePublished).toBe(iso);
      const { $: record } = readOai(
        await download(
          `/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:archive.example.org:${piece.id}`,
        ),
      );
      expect(texts(record, 'dc\\:date')).toEqual([iso]);
    }
  });

  describe.skipIf(!canValidate)('against the schemas', () => {
    it('expands the JSON-LD with schema.org to a Date in ISO 8601 at its precision', async () => {
      const context = JSON.parse(
        readFileSync(join(VALIDATORS, 'schemaorg', 'context.jsonld'), 'utf8'),
      );
      const documentLoader = async (url: string) => {
        if (!/^https?:\/\/schema\.org\/?$/.test(url)) throw new Error(`no network: ${url}`);
        return { contextUrl: undefined, documentUrl: url, document: context };
      };
      const { $ } = await page(month.path);
      const work = $('script[type="application/ld+json"]')
        .toArray()
        .map((s) => JSON.parse($(s).text()) as Record<string, unknown>)
        .find((n) => n['@type'] !== 'BreadcrumbList')!;
      const [node] = (await jsonld.expand(work as jsonld.JsonLdDocument, {
        documentLoader,
      })) as Array<Record<string, unknown>>;
      expect(node?.['http://schema.org/datePublished']).toEqual([
        { '@type': 'http://schema.org/Date', '@value': '2020-10' },
      ]);
    });

    it('validates the CSL-JSON of both pieces against csl-data.json', async () => {
      const schema = JSON.parse(readFileSync(join(VALIDATORS, 'csl', 'csl-data.json'), 'utf8'));
      const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema);
      for (const piece of [month, year]) {
        const data = JSON.parse(await download(`${piece.path}cite.json`));
        expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
      }
    });
  });

  it('keeps a piece dated to the day as before', async () => {
    const { $ } = await page('/reports/north-korea-camp-no-25-update-2/');
    expect(text($, 'article header .meta time')).toBe('Nov 29, 2016');
    expect($('article header .meta time').attr('datetime')).toBe('2016-11-29');
  });
});
