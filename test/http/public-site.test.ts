import { beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import type { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import {
  DEMO_PAGE_TYPES,
  DIALOGUE,
  demoApp,
  editPublicationAt,
  FLOOD,
  publicationAt,
} from '../support/demo-context.ts';
import { getPage, text, texts } from '../support/html.ts';

describeEachDatabase('the public reading site', (db) => {
  let ctx: WiredContext;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    ({ ctx, app } = await demoApp(db()));
  }, 120_000);

  it('features the newest report on the home page above the latest work', async () => {
    const { res, $ } = await getPage(app, '/');
    expect(res.status).toBe(200);
    expect(text($, '.featured .entry-title')).toBe(
      'From Cradle to Grave: The Path of North Korean Innocents',
    );
    expect($('#latest-heading').length).toBe(1);
    expect($('main .entry').length).toBeGreaterThan(5);
  });

  it('lists a section like the seed page: breadcrumbs, authors as printed, dates, summaries without script', async () => {
    const { res, $ } = await getPage(app, '/articles/');
    expect(res.status).toBe(200);
    expect(
      $('.breadcrumbs li')
        .map((_, li) => $(li).text().trim())
        .get(),
    ).toEqual(['Home', 'Articles by Board Members, Fellows and Staff']);
    expect($('main .entry')).toHaveLength(10);
    const first = $('main .entry').first();
    expect(first.find('.byline').text().replace(/\s+/g, ' ').trim()).toBe(
      'Roberta Cohen, HRNK Co-Chair Emeritus · Interview by Byun Chang-seop',
    );
    expect(first.find('time').attr('datetime')).toBe('2016-07-25');
    expect(first.find('time').text()).toBe('Jul 25, 2016');
    // The summary is shown, not behind a toggle, and a long one is cut with "…".
    expect($('main details')).toHaveLength(0);
    const summaries = $('main .entry-summary [lang]')
      .map((_, p) => $(p).text())
      .get();
    expect(summaries.length).toBeGreaterThan(5);
    for (const summary of summaries) expect(summary.length).toBeLessThanOrEqual(321);
    expect(summaries.some((summary) => summary.endsWith('…'))).toBe(true);
    // JSON-LD data blocks are not script a browser runs; nothing else may be a <script>.
    expect($('script:not([type="application/ld+json"])')).toHaveLength(0);
  });

  it('offers the sections that list work and the static pages in the main navigation, nothing else', async () => {
    const { $ } = await getPage(app, '/');
    expect(texts($, '.site-nav a')).toEqual([
      'Articles by Board Members, Fellows and Staff',
      'Reports and Publications',
      'About this demo archive',
    ]);
  });

  it('says the section disclaimer once per page, not under every entry', async () => {
    const { body, $ } = await getPage(app, '/articles/');
    expect($('aside.disclaimer')).toHaveLength(1);
    expect(body.split('do not necessarily represent the views of').length - 1).toBe(1);
  });

  it('offers "Download PDF" with its size, and "Continue reading at 38 North" for an excerpt', async () => {
    const { $ } = await getPage(app, '/articles/');
    const entry = $('main .entry').filter((_, e) =>
      $(e).find('.entry-title').text().startsWith('Must UN Agencies'),
    );
    // "PDF" once: the label says it, the details give the size.
    expect(entry.find('a.pdf').text()).toMatch(/^Download PDF \(\d+ KB/);
    expect(entry.find('a.pdf').text().match(/PDF/g)).toHaveLength(1);
    expect(entry.find('a.pdf').attr('href')).toMatch(
      /^\/articles\/must-un-agencies-also-fail-in-north-korea\/[a-z0-9.-]+\.pdf$/,
    );
    expect(entry.find('.continue').text()).toContain('38 North');
  });

  it('answers 404 for a page number past the end or not a number', async () => {
    expect((await app.request('http://localhost/articles/?page=2')).status).toBe(404);
    expect((await app.request('http://localhost/articles/?page=0')).status).toBe(404);
    expect((await app.request('http://localhost/articles/?page=abc')).status).toBe(404);
    expect((await app.request('http://localhost/articles/?page=1')).status).toBe(200);
  });

  it('shows a publication with contributors, dates, summary, footnotes linked both ways and key words', async () => {
    const { res, $ } = await getPage(app, DIALOGUE);
    expect(res.status).toBe(200);
    expect(text($, 'h1')).toBe('A Human Rights Dialogue with North Korea: Real or Illusory?');
    expect(text($, '.publication-header .byline')).toBe('Roberta Cohen, HRNK Co-Chair');
    expect($('.publication-header .byline a').attr('href')).toBe('/people/roberta-cohen/');
    expect($('.footnote-ref a')).toHaveLength(17);
    for (let n = 1; n <= 17; n++) {
      expect($(`a[href="#fn${n}"]`).length, `marker ${n}`).toBeGreaterThan(0);
      expect($(`[id="fn${n}"] a[href^="#fnref${n}"]`).length, `back link ${n}`).toBe(1);
    }
    expect($('#summary-heading').length).toBe(1);
  });

  it('prints secondary credits as "with …"', async () => {
    const { $ } = await getPage(app, '/reports/the-parallel-gulag/');
    expect(text($, '.publication-header .byline')).toBe('David Hawk with Amanda Mortwedt Oh');
  });

  it('links key words to topic pages and places to place pages', async () => {
    const { $ } = await getPage(
      app,
      '/articles/human-rights-in-north-korea-addressing-the-challenges/',
    );
    expect(texts($, '.tags a[href^="/topics/"]')).toEqual([
      'North Korea',
      'Human Rights',
      'Humanitarian',
      'United Nations',
      'Commission of Inquiry',
    ]);
    const flood = await getPage(app, FLOOD);
    expect(flood.$('.tags a[href="/places/kyo-hwa-so-no-12/"]').text()).toBe(
      'Kyo-hwa-so No. 12, Jongo-ri',
    );
  });

  it('shows series position, the original venue, the files and the translations', async () => {
    const update2 = await getPage(app, '/reports/north-korea-camp-no-25-update-2/');
    expect(text(update2.$, '.series p')).toBe('Part 3 of the series North Korea: Camp No. 25');
    const voice = await getPage(app, '/articles/a-voice-from-the-north-korean-gulag/');
    expect(text(voice.$, '.pub-facts')).toContain('Journal of Democracy');
    const flood = await getPage(app, FLOOD);
    expect(flood.$('.files a.pdf').length).toBe(1);
    const translation = flood.$('.translations a[hreflang="ko"]');
    expect(translation.attr('href')).toBe('/reports/kyo-hwa-so-no-12-flooding-ko/');
    const ko = await getPage(app, '/ko/reports/kyo-hwa-so-no-12-flooding-ko/');
    expect(ko.$('.translations a[hreflang="en"]').attr('href')).toBe(`/ko${FLOOD}`);
  });

  it('shows drafts to nobody: their pages and files answer 404', async () => {
    expect((await app.request('http://localhost/reports/north-korea-camp-no-25/')).status).toBe(
      404,
    );
    const home = await (await app.request('http://localhost/')).text();
    expect(home).not.toContain('/reports/north-korea-camp-no-25/"');
  });

  it('answers 410 with a notice and citation data for a withdrawn piece, and stops serving its PDF', async () => {
    const p = await publicationAt(
      ctx,
      '/articles/north-korea-faces-heightened-human-rights-scrutiny/',
    );
    const pdfPath = (await getPage(app, `/articles/${p.slug}/`)).$('.files a.pdf').attr('href')!;
    await editPublicationAt(ctx, `/articles/${p.slug}/`, {
      status: 'withdrawn',
      withdrawnReason: 'Superseded by a later analysis.',
    });
    const { res, $ } = await getPage(app, `/articles/${p.slug}/`);
    expect(res.status).toBe(410);
    expect(text($, 'h1')).toBe('This publication was withdrawn');
    expect(text($, 'main')).toContain('Superseded by a later analysis.');
    expect(text($, '.citation')).toContain('North Korea Faces Heightened Human Rights Scrutiny');
    expect((await app.request(`http://localhost${pdfPath}`)).status).toBe(410);
    const listing = await (await app.request('http://localhost/articles/')).text();
    expect(listing).not.toContain('Heightened Human Rights Scrutiny');
  });

  it('gives a person page with roles over time and all their work', async () => {
    const { res, $ } = await getPage(app, '/people/roberta-cohen/');
    expect(res.status).toBe(200);
    expect(
      $('.roles li')
        .map((_, li) => $(li).text().replace(/\s+/g, ' ').trim())
        .get(),
    ).toEqual([
      'HRNK Co-Chair, Committee for Human Rights in North Korea (until 2015)',
      'HRNK Co-Chair Emeritus, Committee for Human Rights in North Korea (from 2016)',
    ]);
    // Six pieces, one of them withdrawn by the test above on this same archive: only public work shows.
    expect($('main .entry').length).toBeGreaterThanOrEqual(5);
  });

  it('shows a place in every script and romanization, with coordinates, source and a locator map', async () => {
    const { res, $ } = await getPage(app, '/places/jongo-ri/');
    expect(res.status).toBe(200);
    const names = $('table.names td')
      .map((_, td) => $(td).text())
      .get();
    expect(names).toEqual(
      expect.arrayContaining(['Jongo-ri', 'Jŏngŏ-ri', '전거리', "Chŏn'gŏ-ri", 'Jeongeo-ri']),
    );
    expect($('table.names td[lang="ko"]').text()).toBe('전거리');
    expect(text($, '.place-facts dd')).toContain('Hoeryong');
    const camp = await getPage(app, '/places/kyo-hwa-so-no-12/');
    expect(text(camp.$, '.place-facts dl')).toContain('42.209410° N, 129.755100° E');
    expect(camp.$('.locator-map svg:not(.inset) circle.marker').length).toBe(1);
    expect(camp.$('.locator-map svg path.country').attr('d')?.length).toBeGreaterThan(100);
  });

  it('lists work on places inside a place on its page', async () => {
    const { $ } = await getPage(app, '/places/hamgyong-bukto/');
    expect(texts($, 'main .entry-title')).toEqual(
      expect.arrayContaining([
        'North Korea: Flooding at Kyo-hwa-so No. 12, Jongo-ri',
        'North Korea Camp No. 25 Update 2',
      ]),
    );
  });

  it('marks no position of its own where no source gives coordinates', async () => {
    const { $ } = await getPage(app, '/places/jongo-ri/');
    expect($('.locator-map svg circle.marker:not(.marker-inside)').length).toBe(0);
    expect(text($, '.place-facts dd')).toContain('No public source gives coordinates');
  });

  it('serves topic, year and index pages', async () => {
    expect(
      (await getPage(app, '/topics/commission-of-inquiry/')).$('main .entry').length,
    ).toBeGreaterThan(0);
    expect((await getPage(app, '/years/2016/')).$('main .entry').length).toBeGreaterThan(0);
    expect((await app.request('http://localhost/years/1999/')).status).toBe(404);
    for (const path of ['/people/', '/topics/', '/places/', '/years/']) {
      expect((await app.request(`http://localhost${path}`)).status, path).toBe(200);
    }
  });

  it('speaks Korean at /ko/ with lang="ko", Korean titles, and English fallbacks marked lang="en"', async () => {
    const { $ } = await getPage(app, '/ko/articles/');
    expect($('html').attr('lang')).toBe('ko');
    expect(text($, 'h1')).toBe('이사진·연구원·직원 기고문');
    expect($('main .entry').first().find('time').text()).toBe('2016년 7월 25일');
    expect($('main .entry').first().find('.entry-summary [lang]').attr('lang')).toBe('en');
    expect($('a.language-switch').attr('href')).toBe('/articles/');
    const dialogue = await getPage(app, `/ko${DIALOGUE}`);
    expect(dialogue.$('h1').attr('lang')).toBe('en');
  });

  it('keeps the reader on the same page when switching language', async () => {
    const { $ } = await getPage(app, '/people/roberta-cohen/');
    expect($('a.language-switch').attr('href')).toBe('/ko/people/roberta-cohen/');
    expect($('link[rel="alternate"][hreflang="ko"]').attr('href')).toBe(
      'https://archive.example.org/ko/people/roberta-cohen/',
    );
  });

  it('names the language switch by its visible text first, in its own language', async () => {
    for (const [path, visible, lang] of [
      ['/', '한국어', 'ko'],
      ['/ko/', 'English', 'en'],
    ] as const) {
      const { $ } = await getPage(app, path);
      const link = $('a.language-switch');
      expect(link.attr('aria-label')).toBeUndefined();
      expect(link.text().startsWith(visible)).toBe(true);
      expect(link.find(`[lang="${lang}"]`).text()).toBe(visible);
    }
  });

  it('gives every public page kind a meta description in both languages', async () => {
    for (const locale of ['', '/ko']) {
      for (const path of [...DEMO_PAGE_TYPES, '/search?q=camp', '/reports/']) {
        const { $ } = await getPage(app, `${locale}${path}`);
        const description = $('meta[name="description"]').attr('content') ?? '';
        expect(description.length, `${locale}${path}`).toBeGreaterThan(20);
      }
    }
    const { $ } = await getPage(app, '/people/roberta-cohen/');
    expect($('meta[name="description"]').attr('content')).toContain('Roberta Cohen');
  });

  it('shows one search box on the search page, the header keeping its own elsewhere', async () => {
    expect((await getPage(app, '/search?q=camp')).$('input[type="search"]')).toHaveLength(1);
    expect((await getPage(app, '/ko/search')).$('input[type="search"]')).toHaveLength(1);
    expect((await getPage(app, '/')).$('.site-search input[type="search"]')).toHaveLength(1);
  });

  it('answers 404 in the site design, and redirects a folder without its slash', async () => {
    const { res, $ } = await getPage(app, '/no-such-section/');
    expect(res.status).toBe(404);
    expect(text($, 'h1')).toBe('Page not found');
    const redirect = await app.request('http://localhost/articles');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/articles/');
  });

  it('follows a stored redirect for an old URL of the imported site', async () => {
    await ctx.repos.redirects.upsert(
      { fromPath: '/publications/hrnk-articles.php', toPath: '/articles/', statusCode: 301 },
      '2026-01-01T00:00:00.000Z',
    );
    const res = await app.request('http://localhost/publications/hrnk-articles.php');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/articles/');
  });

  it('revalidates with ETag and answers 304 until the page changes', async () => {
    const request = (path: string, etag?: string) =>
      app.request(`http://localhost${path}`, etag ? { headers: { 'If-None-Match': etag } } : {});
    const first = await request(DIALOGUE);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    expect(first.headers.get('cache-control')).toContain('public');
    expect(first.headers.get('last-modified')).toBeTruthy();
    expect((await request(DIALOGUE)).headers.get('etag')).toBe(etag);
    expect((await request(FLOOD)).headers.get('etag')).not.toBe(etag);
    expect((await request(DIALOGUE, etag)).status).toBe(304);
    // A tag that did not change with the page would hide the edit from every reader holding it.
    await editPublicationAt(ctx, DIALOGUE, { subtitle: 'A subtitle added later' });
    const edited = await request(DIALOGUE, etag);
    expect(edited.status).toBe(200);
    expect(await edited.text()).toContain('A subtitle added later');
    expect(edited.headers.get('etag')).not.toBe(etag);
  });

  it('serves a PDF under its publication with a safe name, and byte ranges for viewers', async () => {
    const path = (await getPage(app, FLOOD)).$('.files a.pdf').attr('href')!;
    const whole = await app.request(`http://localhost${path}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('application/pdf');
    // Revalidated on every use, so that withdrawal ends it in caches too.
    expect(whole.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(whole.headers.get('content-disposition')).toMatch(
      /^inline; filename="[a-z0-9.-]+\.pdf"; filename\*=UTF-8''/,
    );
    const bytes = new Uint8Array(await whole.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const part = await app.request(`http://localhost${path}`, { headers: { Range: 'bytes=0-4' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-4/${bytes.length}`);
    expect(await part.text()).toBe('%PDF-');
    const beyond = await app.request(`http://localhost${path}`, {
      headers: { Range: `bytes=${bytes.length}-` },
    });
    expect(beyond.status).toBe(416);
    expect(
      (await app.request(`http://localhost${path.replace(/[^/]+$/, 'other.pdf')}`)).status,
    ).toBe(404);
  });

  it('loads nothing from another origin and carries no script or inline style', async () => {
    for (const path of [
      '/',
      '/articles/',
      DIALOGUE,
      '/people/roberta-cohen/',
      '/places/kyo-hwa-so-no-12/',
      '/ko/',
    ]) {
      const { res, $ } = await getPage(app, path);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(
        $('script:not([type="application/ld+json"]), iframe, object, embed').length,
        path,
      ).toBe(0);
      expect($('[style]').length, path).toBe(0);
      const fetched = $('link[href], img[src], source[src], video[src], audio[src]')
        .map((_, el) => $(el).attr('href') ?? $(el).attr('src'))
        .get()
        // Links that name an address without fetching it: alternates, the canonical URL, the DC schemas.
        .filter(
          (u) =>
            !$(
              `link[rel="alternate"][href="${u}"], link[rel="canonical"][href="${u}"], link[rel="schema.DC"][href="${u}"], link[rel="schema.DCTERMS"][href="${u}"]`,
            ).length,
        );
      for (const url of fetched) expect(url, `${path}: ${url}`).toMatch(/^\/(?!\/)/);
    }
  });
});
