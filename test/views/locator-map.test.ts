import { HtmlValidate } from 'html-validate';
import { beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import type { createApp } from '../../src/web/app.tsx';
import { CAMP_OUTLINE, outlinePlace, pointPlace } from '../http/places-geojson-rules.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { demoApp } from '../support/demo-context.ts';
import { getPage, text } from '../support/html.ts';

const OUTLINE_SOURCE = 'Illustrative outline drawn for this test';
const CITY_SOURCE = 'Illustrative position given for this test';

/** The extent of an SVG path's coordinates: [width, height]. */
function spanOf(d: string): [number, number] {
  const numbers = (d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
  const xs = numbers.filter((_, i) => i % 2 === 0);
  const ys = numbers.filter((_, i) => i % 2 === 1);
  return [Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)];
}

describeEachDatabase('the locator map and its inset', (db) => {
  let ctx: WiredContext;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    ({ ctx, app } = await demoApp(db()));
    await outlinePlace(ctx, 'kyo-hwa-so-no-12', CAMP_OUTLINE, OUTLINE_SOURCE);
    await pointPlace(ctx, 'hoeryong', 42.4428, 129.7508, CITY_SOURCE);
  }, 120_000);

  it('marks the outline a source gives, with a dot where it is too small to see', async () => {
    const { $ } = await getPage(app, '/places/kyo-hwa-so-no-12/');
    const main = $('.locator-map svg').first();
    expect(main.find('title').text()).toBe(
      'Locator map of North Korea with the outline of Kyo-hwa-so No. 12 marked',
    );
    expect(main.find('path.outline')).toHaveLength(1);
    expect(main.find('circle.marker')).toHaveLength(1);
    expect(text($, '.place-facts dl')).toContain(`Outline${'Drawn on the map below.'}`);
    expect(text($, '.place-facts dl')).toContain(OUTLINE_SOURCE);
  });

  it('adds an inset zoomed on the area around the place, marking the parent and the place', async () => {
    const { $ } = await getPage(app, '/places/kyo-hwa-so-no-12/');
    const inset = $('.locator-map svg.inset');
    expect(inset).toHaveLength(1);
    expect(inset.attr('role')).toBe('img');
    expect(inset.find('title').text()).toBe(
      'Detail map of the area around Kyo-hwa-so No. 12, with its outline marked. The position of Hoeryong is marked too.',
    );
    expect(inset.find('path.country').attr('d')?.length).toBeGreaterThan(20);
    expect(inset.find('circle.area-marker')).toHaveLength(1);
    // Wound the right way for d3, the outline is the camp, not the globe around it.
    const outline = inset.find('path.outline').attr('d') ?? '';
    const [width, height] = spanOf(outline);
    expect(width).toBeGreaterThan(0.5);
    expect(Math.max(width, height)).toBeLessThan(60);
    // Every position marked names its source beside the map.
    const sources = text($, '.locator-map figcaption');
    expect(sources).toMatch(
      /^Locator map of North Korea with the outline of Kyo-hwa-so No\. 12 marked\. Detail map/,
    );
    expect(sources).toContain('Hoeryong (42.442800, 129.750800)');
    expect(sources).toContain(CITY_SOURCE);
  });

  it('says in Korean what the inset marks', async () => {
    const { $ } = await getPage(app, '/ko/places/kyo-hwa-so-no-12/');
    expect($('.locator-map svg.inset title').text()).toMatch(
      /주변 상세 지도\(윤곽 표시\)\. .+의 위치도 표시함\./,
    );
  });

  it('marks a point where no outline is given, in both maps', async () => {
    const { $ } = await getPage(app, '/places/camp-no-25/');
    const [main, inset] = [$('.locator-map svg').first(), $('.locator-map svg.inset')];
    expect(main.find('path.outline')).toHaveLength(0);
    expect(main.find('circle.marker')).toHaveLength(1);
    expect(inset.find('circle.marker')).toHaveLength(1);
    expect(inset.find('title').text()).toMatch(/with its position marked\.$/);
    const [x, y] = ['cx', 'cy'].map((a) => Number(inset.find('circle.marker').attr(a)));
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(200);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(200);
  });

  it('marks the outlines of the places inside a province that has no position of its own', async () => {
    const { $ } = await getPage(app, '/places/hamgyong-bukto/');
    const main = $('.locator-map svg').first();
    expect(main.find('path.outline')).toHaveLength(1);
    expect($('.locator-map svg.inset')).toHaveLength(0);
    expect(text($, '.locator-map .map-sources')).toContain(
      `Kyo-hwa-so No. 12 (outline): ${OUTLINE_SOURCE}`,
    );
  });

  it('draws no inset for a place with no position of its own', async () => {
    const { $ } = await getPage(app, '/places/jongo-ri/');
    expect($('.locator-map svg.inset')).toHaveLength(0);
    expect($('.locator-map svg circle.marker:not(.marker-inside)')).toHaveLength(0);
  });

  it('stays valid HTML with an outline, an inset and the map data link, in both languages', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:standard', 'html-validate:document'],
      rules: { 'long-title': 'off' },
    });
    for (const path of ['/places/kyo-hwa-so-no-12/', '/ko/places/kyo-hwa-so-no-12/']) {
      const html = await (await app.request(`http://localhost${path}`)).text();
      const report = await validator.validateString(html);
      expect(report.results.flatMap((r) => r.messages.map((m) => m.message))).toEqual([]);
    }
  });

  it('keeps to the strict CSP: no style attributes in the maps', async () => {
    const { $ } = await getPage(app, '/places/kyo-hwa-so-no-12/');
    expect($('.locator-map [style]')).toHaveLength(0);
    expect($('.locator-map style')).toHaveLength(0);
  });
});
