import { parseFeed } from '@rowanmanning/feed-parser';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { isPubliclyVisible } from '../../src/core/publication-status.ts';
import { SYNDICATION_KEY } from '../../src/features/discovery/scholarly-context.ts';
import { createPerson, createTopic } from '../../src/features/entities/create-entities.ts';
import { toPublication } from '../../src/infra/db/repos/publications.repo.ts';
import type { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { demoApp, editPublicationAt } from '../support/demo-context.ts';
import { buildPublication } from '../support/factories.ts';
import { getPage } from '../support/html.ts';
import { jsonFeedProblems } from '../support/json-feed-rules.ts';

const BASE = 'https://archive.example.org';
const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const FOLDERS = [
  '/',
  '/articles/',
  '/reports/',
  '/people/roberta-cohen/',
  '/topics/satellite-imagery/',
  '/places/hamgyong-bukto/',
  '/ko/',
  '/ko/reports/',
  '/ko/people/roberta-cohen/',
];

describeEachDatabase('RSS, Atom and JSON feeds', (db) => {
  let ctx: WiredContext;
  let app: ReturnType<typeof createApp>;
  const fetchText = async (path: string) => {
    const res = await app.request(`http://localhost${path}`);
    return { res, body: await res.text() };
  };
  /** The public work's titles, decided by the domain rule over every row (not by the feed code). */
  const publicTitles = async () =>
    (await ctx.db.kysely.selectFrom('publications').selectAll().execute())
      .map(toPublication)
      .filter((p) => p.type !== 'page' && isPubliclyVisible(p, ctx.clock.now()))
      .map((p) => p.title);

  beforeAll(async () => {
    ({ ctx, app } = await demoApp(db()));
  }, 120_000);

  describe('RSS 2.0', () => {
    it('parses with an independent parser, with RFC 822 dates, guids and a self link at its own URL', async () => {
      for (const folder of FOLDERS) {
        const { res, body } = await fetchText(`${folder}feed.xml`);
        expect(res.status, folder).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
        const feed = parseFeed(body);
        expect(feed.meta).toEqual({ type: 'rss', version: '2.0' });
        expect(feed.self, folder).toBe(`${BASE}${folder}feed.xml`);
        expect(feed.url).toBe(`${BASE}${folder}`);
        expect(feed.items.length, folder).toBeGreaterThan(0);
        const $ = cheerio.load(body, { xml: true });
        expect($('channel > title').text()).not.toBe('');
        expect($('channel > description').text()).not.toBe('');
        expect($('channel > lastBuildDate').text()).toMatch(RFC822);
        $('item').each((_, item) => {
          const guid = $(item).children('guid');
          // The piece's canonical address: under /ko/ for a piece in Korean.
          expect(guid.text()).toMatch(
            /^https:\/\/archive\.example\.org\/(?:ko\/)?[a-z-]+\/[a-z0-9-]+\/$/,
          );
          expect(guid.attr('isPermaLink')).toBe('true');
          expect($(item).children('pubDate').text()).toMatch(RFC822);
          expect($(item).children('link').text()).toBe(guid.text());
        });
      }
    });

    it('lists every author of a piece, in order, and its PDF as an enclosure with its length', async () => {
      const feed = parseFeed((await fetchText('/reports/feed.xml')).body);
      const camp = feed.items.find((i) => i.title === 'North Korea Camp No. 25 Update 2')!;
      expect(camp.authors.map((a) => a.name)).toEqual([
        'Joseph S. Bermudez Jr.',
        'Andy Dinville',
        'Mike Eley',
      ]);
      // Its one enclosure is the PDF; its satellite scenes are Media RSS images beside it.
      expect(camp.media.filter((m) => m.type !== 'image')).toEqual([
        expect.objectContaining({
          mimeType: 'application/pdf',
          url: expect.stringMatching(
            /^https:\/\/archive\.example\.org\/reports\/north-korea-camp-no-25-update-2\/[a-z0-9.-]+\.pdf$/,
          ),
        }),
      ]);
      expect(camp.media[0]!.length).toBeGreaterThan(1000);
      expect(camp.published?.toISOString()).toBe('2016-11-29T00:00:00.000Z');
    });
  });

  describe('Atom 1.0', () => {
    it('parses with an independent parser, with an id, updated, a self link at its own URL and every author', async () => {
      for (const folder of FOLDERS) {
        const { res, body } = await fetchText(`${folder}feed.atom`);
        expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
        const feed = parseFeed(body);
        expect(feed.meta).toEqual({ type: 'atom', version: '1.0' });
        expect(feed.self, folder).toBe(`${BASE}${folder}feed.atom`);
        const $ = cheerio.load(body, { xml: true });
        expect($('feed > id').text()).toBe(`${BASE}${folder}feed.atom`);
        expect($('feed > updated').text()).toMatch(RFC3339);
        expect($('feed > author > name').text()).not.toBe('');
        $('entry').each((_, entry) => {
          expect($(entry).children('id').text()).toMatch(/^https:\/\/archive\.example\.org\//);
          expect($(entry).children('updated').text()).toMatch(RFC3339);
          expect($(entry).children('title').text()).not.toBe('');
        });
      }
      const feed = parseFeed((await fetchText('/feed.atom')).body);
      const report = feed.items.find(
        (i) => i.title === 'From Cradle to Grave: The Path of North Korean Innocents',
      )!;
      expect(report.authors.map((a) => [a.name, a.url])).toEqual([
        ['Robert Collins', `${BASE}/people/robert-collins/`],
        ['Amanda Mortwedt Oh', `${BASE}/people/amanda-mortwedt-oh/`],
      ]);
      expect(report.media[0]).toEqual(expect.objectContaining({ mimeType: 'application/pdf' }));
    });
  });

  describe('JSON Feed 1.1', () => {
    it('keeps to the 1.1 rules, with a feed_url at its own URL, authors arrays and PDF attachments', async () => {
      for (const folder of FOLDERS) {
        const { res, body } = await fetchText(`${folder}feed.json`);
        expect(res.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
        const doc = JSON.parse(body);
        expect(jsonFeedProblems(doc), folder).toEqual([]);
        expect(doc.feed_url).toBe(`${BASE}${folder}feed.json`);
        expect(doc.home_page_url).toBe(`${BASE}${folder}`);
      }
      const doc = JSON.parse((await fetchText('/feed.json')).body);
      const gulag = doc.items.find(
        (i: { title: string }) => i.title === "The Parallel Gulag: North Korea's…",
      );
      expect(gulag.authors.map((a: { name: string }) => a.name)).toEqual([
        'David Hawk',
        'Amanda Mortwedt Oh',
      ]);
      expect(gulag.attachments).toEqual([
        expect.objectContaining({
          mime_type: 'application/pdf',
          size_in_bytes: expect.any(Number),
        }),
      ]);
    });

    it('would be caught breaking a 1.1 rule', () => {
      expect(
        jsonFeedProblems({
          version: 'https://jsonfeed.org/version/1',
          title: 'x',
          items: [{ id: 'a', author: { name: 'x' } }],
        }),
      ).toEqual([
        'version is https://jsonfeed.org/version/1',
        'items[0] has neither content_html nor content_text',
        'items[0] uses the deprecated author',
      ]);
    });
  });

  it('carries exactly the public work, newest first: no draft, no page', async () => {
    const feed = parseFeed((await fetchText('/feed.xml')).body);
    const titles = feed.items.map((i) => i.title);
    expect([...titles].sort()).toEqual((await publicTitles()).sort());
    expect(titles).not.toContain('North Korea: Camp No. 25');
    expect(titles).not.toContain('About this demo archive');
    const dates = feed.items.map((i) => i.published!.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('follows only its scope: a person, a topic, a place and the places inside it', async () => {
    const person = parseFeed((await fetchText('/people/carl-gershman/feed.atom')).body);
    expect(person.items.length).toBe(3);
    for (const item of person.items)
      expect(item.authors.map((a) => a.name)).toContain('Carl Gershman');
    const place = parseFeed((await fetchText('/places/hamgyong-bukto/feed.atom')).body).items.map(
      (i) => i.title,
    );
    expect(place).toEqual(
      expect.arrayContaining([
        'North Korea: Flooding at Kyo-hwa-so No. 12, Jongo-ri',
        'North Korea Camp No. 25 Update 2',
      ]),
    );
    expect(place).not.toContain("The Parallel Gulag: North Korea's…");
  });

  it('makes every link in an item absolute, a footnote pointing into the piece at its own address', async () => {
    const page = `${BASE}/articles/a-human-rights-dialogue-with-north-korea-real-or-illusory/`;
    const rss = cheerio.load((await fetchText('/feed.xml')).body, { xml: true });
    const atom = cheerio.load((await fetchText('/ko/feed.atom')).body, { xml: true });
    const json = JSON.parse((await fetchText('/articles/feed.json')).body) as {
      items: Array<{ content_html?: string }>;
    };
    const htmls = [
      ...rss('item content\\:encoded, item description')
        .map((_, e) => rss(e).text())
        .get(),
      ...atom('entry content, entry summary')
        .map((_, e) => atom(e).text())
        .get(),
      ...json.items.map((i) => i.content_html ?? ''),
    ];
    expect(htmls.join('')).toContain(`href="${page}#fn1"`);
    for (const html of htmls) {
      const $ = cheerio.load(html);
      $('[href], [src]').each((_, el) => {
        const address = $(el).attr('href') ?? $(el).attr('src')!;
        expect(address, html.slice(0, 80)).toMatch(/^https?:\/\//);
      });
    }
  });

  it('has Korean feeds under /ko/: the same pieces with the same ids, in the Korean interface', async () => {
    for (const format of ['xml', 'atom', 'json']) {
      expect((await fetchText(`/ko/feed.${format}`)).res.status, format).toBe(200);
    }
    const en = cheerio.load((await fetchText('/feed.atom')).body, { xml: true });
    const ko = cheerio.load((await fetchText('/ko/feed.atom')).body, { xml: true });
    expect(ko('feed').attr('xml:lang')).toBe('ko');
    expect(ko('feed > link[rel="alternate"]').attr('href')).toBe(`${BASE}/ko/`);
    expect(ko('feed > title').text()).not.toBe(en('feed > title').text());
    const ids = ($: cheerio.CheerioAPI) =>
      $('entry > id')
        .map((_, e) => $(e).text())
        .get();
    expect(ids(ko)).toEqual(ids(en));
    const rss = cheerio.load((await fetchText('/ko/reports/feed.xml')).body, { xml: true });
    expect(rss('channel > language').text()).toBe('ko');
    expect(rss('channel > title').text()).toContain('보고서');
    expect((await fetchText('/ko/no-such/feed.xml')).res.status).toBe(404);
  });

  it('answers 404 for a person, topic or place named only in unpublished work', async () => {
    const reports = (await ctx.repos.sections.findBySlug('reports'))!;
    const person = await createPerson(
      ctx,
      { slug: 'draft-only', name: 'Draft Only', sortName: 'Only, Draft', roles: [] },
      SYSTEM_ACTOR,
    );
    const topic = await createTopic(
      ctx,
      { slug: 'draft-topic', name: 'Draft Topic' },
      SYSTEM_ACTOR,
    );
    await buildPublication(ctx, {
      sectionId: reports.id,
      status: 'draft',
      publishedAt: null,
      contributions: [
        { personId: person.id, role: 'author', credit: 'primary', affiliationLabel: null },
      ],
      topicIds: [topic.id],
    });
    for (const path of ['/people/draft-only/feed.xml', '/topics/draft-topic/feed.json']) {
      const res = await app.request(`http://localhost${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('Draft Only');
    }
  });

  it('answers 404 for a section, person, topic or place that does not exist', async () => {
    for (const path of [
      '/no-such/feed.xml',
      '/people/nobody/feed.atom',
      '/topics/nothing/feed.json',
      '/places/nowhere/feed.xml',
    ]) {
      expect((await app.request(`http://localhost${path}`)).status, path).toBe(404);
    }
  });

  it('publishes the full text or only the summary, as the site setting says', async () => {
    const dialogue = (body: string) =>
      JSON.parse(body).items.find((i: { title: string }) =>
        i.title.startsWith('A Human Rights Dialogue'),
      );
    const full = dialogue((await fetchText('/articles/feed.json')).body);
    expect(full.content_html).toContain('<p>The timing, Cohen argues');
    expect(full.content_html).toContain('class="footnote-ref"');
    const rssFull = cheerio.load((await fetchText('/articles/feed.xml')).body, { xml: true });
    expect(rssFull('item content\\:encoded').length).toBeGreaterThan(0);

    await ctx.repos.settings.set(
      SYNDICATION_KEY,
      { feedContent: 'summary' },
      ctx.clock.now().toISOString(),
    );
    try {
      const summary = dialogue((await fetchText('/articles/feed.json')).body);
      expect(summary.content_html).not.toContain('The timing, Cohen argues');
      expect(summary.content_html).toContain('Roberta Cohen examines the offers');
      const atom = cheerio.load((await fetchText('/articles/feed.atom')).body, { xml: true });
      expect(atom('entry content').length).toBe(0);
      expect(atom('entry summary').length).toBeGreaterThan(0);
    } finally {
      await ctx.repos.settings.set(
        SYNDICATION_KEY,
        { feedContent: 'full' },
        ctx.clock.now().toISOString(),
      );
    }
  });

  it('is discovered from the matching pages, by absolute links from PUBLIC_URL', async () => {
    const links = async (path: string) => {
      const { $ } = await getPage(app, path);
      return $(
        'link[rel="alternate"][type$="xml"], link[rel="alternate"][type="application/feed+json"]',
      )
        .map((_, l) => $(l).attr('href'))
        .get();
    };
    const site = [`${BASE}/feed.xml`, `${BASE}/feed.atom`, `${BASE}/feed.json`];
    expect(await links('/')).toEqual(site);
    // The Korean interface links the Korean feeds.
    expect(await links('/ko/')).toEqual(site.map((url) => url.replace(BASE, `${BASE}/ko`)));
    expect(await links('/ko/articles/')).toContain(`${BASE}/ko/articles/feed.atom`);
    expect(await links('/articles/')).toEqual([
      ...site,
      `${BASE}/articles/feed.xml`,
      `${BASE}/articles/feed.atom`,
      `${BASE}/articles/feed.json`,
    ]);
    expect(await links('/people/roberta-cohen/')).toContain(
      `${BASE}/people/roberta-cohen/feed.atom`,
    );
    expect(await links('/topics/refugees/')).toContain(`${BASE}/topics/refugees/feed.json`);
    expect(await links('/places/jongo-ri/')).toContain(`${BASE}/places/jongo-ri/feed.xml`);
  });

  it('drops a piece from every feed once it is withdrawn', async () => {
    await editPublicationAt(ctx, '/articles/the-kim-regimes-atrocities-and-the-road-ahead/', {
      status: 'withdrawn',
    });
    for (const path of [
      '/feed.xml',
      '/articles/feed.atom',
      '/people/carl-gershman/feed.json',
      '/topics/commission-of-inquiry/feed.xml',
    ]) {
      expect((await fetchText(path)).body, path).not.toContain('Road Ahead');
    }
  });
});
