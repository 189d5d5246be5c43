import * as cheerio from 'cheerio';
import { type Context, Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { isPubliclyVisible } from '../../src/core/publication-status.ts';
import { discoveryRoutes } from '../../src/features/discovery/routes/discovery-routes.ts';
import { toPublication } from '../../src/infra/db/repos/publications.repo.ts';
import type { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { demoApp } from '../support/demo-context.ts';
import { validatorsAvailable, xmllint } from '../support/external.ts';
import { texts } from '../support/html.ts';

const canValidate = validatorsAvailable(['xmllint', 'libxml2-utils']);
const BASE = 'https://archive.example.org';

describeEachDatabase('sitemaps and robots.txt', (db) => {
  let ctx: WiredContext;
  let app: ReturnType<typeof createApp>;
  const body = async (
    a: { request: (u: string) => Response | Promise<Response> },
    path: string,
  ) => {
    const res = await a.request(`http://localhost${path}`);
    return { res, text: await res.text() };
  };
  const locs = (xml: string) => {
    const $ = cheerio.load(xml, { xml: true });
    return texts($, 'loc');
  };

  beforeAll(async () => {
    ({ ctx, app } = await demoApp(db()));
  }, 120_000);

  it('names the sitemap index in robots.txt by its absolute address, and keeps crawlers out of the back office', async () => {
    const { res, text } = await body(app, '/robots.txt');
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text.split('\n')).toEqual(
      expect.arrayContaining([
        'User-agent: *',
        'Disallow: /admin/',
        `Sitemap: ${BASE}/sitemap.xml`,
      ]),
    );
  });

  it('serves an index over sitemap files, each URL with its last modification', async () => {
    const index = await body(app, '/sitemap.xml');
    expect(index.res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(locs(index.text)).toEqual([`${BASE}/sitemap-1.xml`]);
    const file = await body(app, '/sitemap-1.xml');
    const $ = cheerio.load(file.text, { xml: true });
    expect($('url').length).toBeGreaterThan(50);
    $('url').each((_, u) =>
      expect($(u).children('lastmod').text()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
    );
    expect((await app.request('http://localhost/sitemap-2.xml')).status).toBe(404);
  });

  it('lists every public page in both languages, and nothing unpublished', async () => {
    const urls = locs((await body(app, '/sitemap-1.xml')).text);
    const sections = await ctx.repos.sections.list();
    const rows = (await ctx.db.kysely.selectFrom('publications').selectAll().execute()).map(
      toPublication,
    );
    for (const p of rows) {
      const path = `/${sections.find((s) => s.id === p.sectionId)!.slug}/${p.slug}/`;
      const shown = isPubliclyVisible(p, ctx.clock.now());
      expect(urls.includes(`${BASE}${path}`), path).toBe(shown);
      expect(urls.includes(`${BASE}/ko${path}`), path).toBe(shown);
    }
    expect(urls).toEqual(
      expect.arrayContaining([
        `${BASE}/`,
        `${BASE}/ko/`,
        `${BASE}/articles/`,
        `${BASE}/people/roberta-cohen/`,
        `${BASE}/topics/refugees/`,
        `${BASE}/places/camp-no-25/`,
        `${BASE}/years/2016/`,
      ]),
    );
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('cuts the URLs into files of at most the limit, in order, and the index lists them all', async () => {
    const missing = async (c: Context) => c.text('missing', 404);
    const small = new Hono().route('/', discoveryRoutes(ctx, missing, { sitemapSize: 7 }));
    const all = locs((await body(app, '/sitemap-1.xml')).text);
    const files = locs((await body(small, '/sitemap.xml')).text);
    expect(files).toHaveLength(Math.ceil(all.length / 7));
    const joined: string[] = [];
    for (const [i, loc] of files.entries()) {
      expect(loc).toBe(`${BASE}/sitemap-${i + 1}.xml`);
      const part = locs((await body(small, `/sitemap-${i + 1}.xml`)).text);
      expect(part.length).toBeLessThanOrEqual(7);
      joined.push(...part);
    }
    expect(joined).toEqual(all);
  });

  describe.skipIf(!canValidate)('validated by xmllint', () => {
    it('validates the index and every file against sitemaps.org schema', async () => {
      const missing = async (c: Context) => c.text('missing', 404);
      for (const server of [
        app,
        new Hono().route('/', discoveryRoutes(ctx, missing, { sitemapSize: 20 })),
      ]) {
        const index = (await body(server, '/sitemap.xml')).text;
        const checked = xmllint(index, 'sitemap-index');
        expect(checked.valid, checked.output).toBe(true);
        for (const loc of locs(index)) {
          const file = (await body(server, new URL(loc).pathname)).text;
          const result = xmllint(file, 'sitemap.xsd');
          expect(result.valid, `${loc}\n${result.output}`).toBe(true);
        }
      }
    });

    it('would reject a sitemap that breaks the schema', () => {
      expect(
        xmllint(
          `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${BASE}/</loc><lastmod>last week</lastmod></url></urlset>`,
          'sitemap.xsd',
        ).valid,
      ).toBe(false);
      expect(
        xmllint(
          `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><lastmod>2026-01-01</lastmod></sitemap></sitemapindex>`,
          'sitemap-index',
        ).valid,
      ).toBe(false);
    });
  });
});
