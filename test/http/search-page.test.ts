import { beforeAll, expect, it } from 'vitest';
import type { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { demoApp } from '../support/demo-context.ts';
import { getPage, text, texts } from '../support/html.ts';

const FLOOD = 'North Korea: Flooding at Kyo-hwa-so No. 12, Jongo-ri';

describeEachDatabase('the search page', (db) => {
  let app: ReturnType<typeof createApp>;
  const search = (query: string) => getPage(app, `/search?${query}`);
  beforeAll(async () => {
    ({ app } = await demoApp(db(), undefined, undefined, { extract: true }));
  }, 120_000);

  it('finds the flooding report under every spelling of its place', async () => {
    for (const q of ['Jongo-ri', "Chŏn'gŏ-ri", 'Jeongeo-ri', '전거리', 'Hamgyong']) {
      const { $ } = await search(`q=${encodeURIComponent(q)}`);
      const titles = texts($, '.hit .entry-title');
      expect(titles, q).toContain(FLOOD);
    }
  });

  it('marks the matching words, escaping everything else', async () => {
    const { $ } = await search('q=Hamgyong');
    expect($('.hit mark').first().text()).toMatch(/Hamgyŏng|함경북도/);
  });

  it('links a hit inside a PDF to its page', async () => {
    const { $ } = await search('q=Hamgyong');
    const href = $('.page-hits a').first().attr('href');
    expect(href).toMatch(/^\/reports\/[a-z0-9-]+\/[a-z0-9.-]+\.pdf#page=\d+$/);
  });

  it('narrows by a facet and shows the narrowed count', async () => {
    const all = await search('q=%EC%9D%B8%EA%B6%8C');
    const total = Number(/(\d+)/.exec(text(all.$, '#results-heading'))![1]);
    const link = all
      .$('.facets a')
      .filter((_, a) => all.$(a).text() === 'Korean')
      .attr('href')!;
    const narrowed = await getPage(app, link);
    const count = Number(/(\d+)/.exec(text(narrowed.$, '#results-heading'))![1]);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(total);
    expect(narrowed.$('.facets a.selected').text()).toContain('Korean');
  });

  it('speaks Korean at /ko/search', async () => {
    const { $ } = await getPage(app, '/ko/search?q=%EC%A0%84%EA%B1%B0%EB%A6%AC');
    expect($('html').attr('lang')).toBe('ko');
    expect(text($, '#results-heading')).toMatch(/^결과 \d+건$/);
  });

  it('answers every odd query with a page, never an error', async () => {
    const odd = [
      '',
      '"',
      '-',
      '*',
      ':',
      'NEAR(',
      'a'.repeat(10_000),
      '"unbalanced',
      'OR OR',
      '\u0000\u0001',
      '%',
      'author:',
      '((((',
      'year:abcd',
    ];
    for (const q of odd) {
      const res = await app.request(`http://localhost/search?q=${encodeURIComponent(q)}`);
      expect(res.status, JSON.stringify(q.slice(0, 20))).toBe(200);
    }
    const invalidUtf8 = await app.request('http://localhost/search?q=%FF%FE%80');
    expect(invalidUtf8.status).toBe(200);
  });

  it('shows the empty search form without running a search', async () => {
    const { res, $ } = await search('');
    expect(res.status).toBe(200);
    expect($('#search-q').length).toBe(1);
    expect($('.hit').length).toBe(0);
  });
});
