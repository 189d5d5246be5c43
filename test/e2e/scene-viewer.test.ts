import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.tsx';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { closeTestDatabase, openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { demoContext, FLOOD, publicationAt } from '../support/demo-context.ts';
import { freePort, liveServer } from '../support/live-server.ts';
import { addTestScene } from '../support/scenes.ts';
import { illustrativeScene, palettePng, SCREENS, scaleOf } from './scene-fixtures.ts';

describe.skipIf(!browserAvailable())('scene pages in Chromium, with and without script', () => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof liveServer>>;
  let browser: Browser;
  let scenePath: string;
  let comparePath: string;
  let differentPath: string;

  beforeAll(async () => {
    t = await openTestDatabase('sqlite');
    // The archive's public address is the server's, as info.json names it.
    const port = await freePort();
    const ctx = await demoContext(t, undefined, `http://localhost:${port}`);
    const flood = await publicationAt(ctx, FLOOD);
    const jongo = await ctx.repos.places.findBySlug('jongo-ri');
    const facts = { sensor: 'Drawn', illustrative: true, placeIds: jongo ? [jongo.id] : [] };
    const before = await addTestScene(ctx, flood.id, {
      bytes: await illustrativeScene(false),
      takenOn: '2019-06-10',
      facts,
      annotations: [{ points: '900,490', label: 'Guard post', labelKo: '경비 초소' }],
    });
    const after = await addTestScene(ctx, flood.id, {
      bytes: await illustrativeScene(true),
      takenOn: '2020-08-31',
      facts,
      annotations: [
        { points: '900,490', label: 'Guard post', note: 'Water reached its foot' },
        { points: '100,950 1400,1000 1400,1500 100,1500', label: 'Flooded fields' },
      ],
    });
    // Another ground at another size: no slider can lay one over the other.
    const elsewhere = await addTestScene(ctx, flood.id, { takenOn: '2021-05-01', facts });
    differentPath = `/iiif/${before.id}/compare/${elsewhere.id}/`;
    scenePath = `/iiif/${after.id}/`;
    comparePath = `/iiif/${before.id}/compare/${after.id}/`;
    server = await liveServer(createApp(ctx), port);
    browser = await launchBrowser();
    mkdirSync(SCREENS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (t) await closeTestDatabase(t);
  });

  /** A page in a fresh context that records tile requests, failures and policy violations. */
  async function open(
    path: string,
    options: { javaScript?: boolean; withoutOwnScripts?: boolean; width?: number } = {},
  ) {
    const context: BrowserContext = await browser.newContext({
      viewport: { width: options.width ?? 1280, height: 900 },
      deviceScaleFactor: 1,
      javaScriptEnabled: options.javaScript ?? true,
    });
    const seen = { tiles: [] as number[], refused: [] as string[], failed: [] as string[] };
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`Refused (policy): ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    if (options.withoutOwnScripts) await context.route(/\/assets\/[^/]+\.js$/, (r) => r.abort());
    const page = await context.newPage();
    page.on('console', (m) => {
      if (/refused|content security policy/i.test(m.text())) seen.refused.push(m.text());
    });
    page.on('request', (r) => {
      const scale = scaleOf(r.url());
      if (scale !== null) seen.tiles.push(scale);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) seen.failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
    return { page, seen, close: () => context.close() };
  }

  const finest = (tiles: number[]) => Math.min(...tiles);

  async function untilViewerReady(page: Page) {
    await page.locator('.scene-still.is-zoomable').waitFor({ timeout: 15_000 });
  }

  it('opens the scene in the viewer, zooms deeper with its buttons and keys, and marks the callouts', async () => {
    const { page, seen, close } = await open(scenePath);
    await untilViewerReady(page);
    expect(
      await page.locator('.scene-viewer .openseadragon-canvas').getAttribute('aria-label'),
    ).toMatch(/^Zoomable scene: /);
    const markers = page.locator('.scene-viewer a.scene-marker');
    expect(await markers.allTextContents()).toEqual(['1', '2']);
    const ids = await markers.evaluateAll((links) =>
      links.map((a) => document.querySelector(a.getAttribute('href')!)?.tagName),
    );
    expect(ids).toEqual(['LI', 'LI']);
    expect(await page.locator('.scene-viewer-shapes polygon').count()).toBe(1);

    const home = finest(seen.tiles);
    expect(home).toBeGreaterThan(1);
    const guardPost = () => markers.first().boundingBox();
    const atHome = (await guardPost())!;
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => finest(seen.tiles), { timeout: 10_000 }).toBeLessThan(home);
    await page.waitForLoadState('networkidle');
    await palettePng(await page.screenshot({ fullPage: true }), 'scene-viewer');

    expect((await guardPost())!.x).not.toBeCloseTo(atHome.x, 0);
    await page.getByRole('button', { name: 'Whole scene' }).click();
    await expect.poll(async () => Math.abs((await guardPost())!.x - atHome.x)).toBeLessThan(1.5);

    // The keys alone, on a fresh page: focus the viewer and hold "=" as a reader would.
    const keyed = await open(scenePath);
    await untilViewerReady(keyed.page);
    const start = finest(keyed.seen.tiles);
    await keyed.page.locator('.scene-viewer .openseadragon-canvas').focus();
    await keyed.page.keyboard.down('Equal');
    await keyed.page.waitForTimeout(1500);
    await keyed.page.keyboard.up('Equal');
    await expect.poll(() => finest(keyed.seen.tiles), { timeout: 10_000 }).toBeLessThan(start);

    expect([...seen.refused, ...keyed.seen.refused]).toEqual([]);
    expect([...seen.failed, ...keyed.seen.failed]).toEqual([]);
    await keyed.close();
    await close();
  }, 60_000);

  it('links each callout number and its words both ways, in either language', async () => {
    const { page, close } = await open(scenePath);
    await untilViewerReady(page);
    await page.locator('.scene-viewer a.scene-marker', { hasText: '2' }).click();
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#annotation-\d+-2$/);
    // And back: the words' button brings the viewer to the callout, the keyboard in it.
    const guardPost = page.locator('.scene-viewer a.scene-marker', { hasText: '1' });
    const offCentre = async () => {
      const [box, viewer] = await Promise.all(
        [guardPost, page.locator('.scene-viewer')].map(async (l) => (await l.boundingBox())!),
      );
      return Math.hypot(
        box!.x + box!.width / 2 - (viewer!.x + viewer!.width / 2),
        box!.y + box!.height / 2 - (viewer!.y + viewer!.height / 2),
      );
    };
    expect(await offCentre()).toBeGreaterThan(100);
    await page
      .locator('ol.scene-annotations li', { hasText: 'Guard post' })
      .getByRole('button', { name: 'Show on the scene' })
      .click();
    await expect.poll(offCentre).toBeLessThan(10);
    expect(await page.evaluate(() => document.activeElement?.className)).toContain(
      'openseadragon-canvas',
    );
    await close();
    const ko = await open(`/ko${scenePath}`);
    await untilViewerReady(ko.page);
    expect(await ko.page.locator('.scene-viewer-controls button').allTextContents()).toEqual([
      '+ 확대',
      '− 축소',
      '⤢ 영상 전체',
    ]);
    expect(await ko.page.locator('a.scene-marker').first().getAttribute('aria-label')).toBe(
      '주석 1',
    );
    await ko.close();
  });

  it('finds no accessibility violations on the scene page and the comparison, with and without script', async () => {
    const report: string[] = [];
    for (const [path, js] of [
      [scenePath, true],
      [comparePath, true],
      [scenePath, false],
      [comparePath, false],
    ] as const) {
      // axe is a script itself: the page without script is the page whose own scripts are refused.
      const { page, close } = await open(path, { withoutOwnScripts: !js });
      if (js && path === scenePath) await untilViewerReady(page);
      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      for (const v of result.violations) {
        report.push(
          `${path} js=${js}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`,
        );
      }
      await close();
    }
    expect(report).toEqual([]);
  }, 60_000);

  it('shows the still, its callouts and their words without script, and the two dates side by side', async () => {
    const scene = await open(scenePath, { javaScript: false });
    const img = scene.page.locator('.scene-still img');
    expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(
      true,
    );
    expect(await scene.page.locator('.scene-still svg.scene-callouts g.callout').count()).toBe(2);
    expect(await scene.page.locator('.scene-callouts text').allTextContents()).toEqual(['1', '2']);
    expect(await scene.page.locator('ol.scene-annotations li').allTextContents()).toEqual([
      'Guard post — Water reached its foot',
      'Flooded fields',
    ]);
    expect(await scene.page.locator('.scene-viewer, .scene-viewer-controls').count()).toBe(0);
    await palettePng(await scene.page.screenshot({ fullPage: true }), 'scene-no-js');
    await scene.close();

    const compare = await open(comparePath, { javaScript: false });
    const sides = ['.scene-before', '.scene-after'].map((s) => compare.page.locator(s));
    const [left, right] = await Promise.all(sides.map((s) => s.boundingBox()));
    expect(right!.x).toBeGreaterThan(left!.x + left!.width - 1);
    expect(Math.abs(right!.y - left!.y)).toBeLessThan(2);
    expect(await sides[0]!.locator('figcaption time').getAttribute('datetime')).toBe('2019-06-10');
    expect(await sides[1]!.locator('figcaption time').getAttribute('datetime')).toBe('2020-08-31');
    expect(await compare.page.locator('.scene-slider').count()).toBe(0);
    await compare.close();
  });

  it('keeps scenes of different ground side by side, with script too', async () => {
    const { page, close } = await open(differentPath);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.scene-compare').getAttribute('data-slider')).toBe('no');
    expect(await page.locator('.scene-slider').count()).toBe(0);
    expect(await page.locator('.scene-side > .scene-still').count()).toBe(2);
    const [left, right] = await Promise.all(
      ['.scene-before', '.scene-after'].map((s) => page.locator(s).boundingBox()),
    );
    expect(right!.x).toBeGreaterThan(left!.x + left!.width - 1);
    await close();
  });

  it('fits a phone: the viewer and the slider within the screen, the two dates one above the other', async () => {
    for (const path of [scenePath, comparePath]) {
      const { page, close } = await open(path, { width: 390 });
      if (path === scenePath) await untilViewerReady(page);
      else await page.locator('.scene-slider').waitFor();
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
        path,
      ).toBeLessThanOrEqual(0);
      if (path === comparePath) {
        const [before, after] = await Promise.all(
          ['.scene-before', '.scene-after'].map((s) => page.locator(s).boundingBox()),
        );
        expect(after!.y).toBeGreaterThan(before!.y + before!.height - 1);
      }
      await close();
    }
  });

  it('moves the before/after divide with the arrow keys or a pointer, the later scene clipped to follow', async () => {
    const { page, seen, close } = await open(comparePath);
    const range = page.getByRole('slider', {
      name: 'Position of the divide between the two dates',
    });
    await range.focus();
    const clip = () =>
      page.locator('.scene-slider-after').evaluate((el) => getComputedStyle(el).clipPath);
    expect(await clip()).toBe('inset(0px 0px 0px 50%)');
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    expect(await range.inputValue()).toBe('60');
    expect(await clip()).toBe('inset(0px 0px 0px 60%)');
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowLeft');
    expect(await clip()).toBe('inset(0px 0px 0px 30%)');
    // A pointer on the images moves it too.
    const frame = (await page.locator('.scene-slider-frame').boundingBox())!;
    await page.mouse.click(frame.x + frame.width * 0.8, frame.y + frame.height / 2);
    expect(await range.inputValue()).toBe('80');
    expect(await clip()).toBe('inset(0px 0px 0px 80%)');
    await range.fill('50');
    expect(await page.locator('.scene-side > .scene-still').first().isVisible()).toBe(false);
    await page.waitForLoadState('networkidle');
    await palettePng(await page.screenshot({ fullPage: true }), 'scene-compare');
    expect(seen.refused).toEqual([]);
    expect(seen.failed).toEqual([]);
    await close();
  });
});
