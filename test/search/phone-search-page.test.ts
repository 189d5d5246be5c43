import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { closeTestDatabase, openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { demoApp } from '../support/demo-context.ts';
import { liveServer } from '../support/live-server.ts';

/** A phone's screen: 390 × 844 CSS pixels. */
const PHONE = { width: 390, height: 844 };

/**
 * The search page on a phone: one search box, and the first result within the first screen,
 * in both languages, on the server's page.
 */
describe.skipIf(!browserAvailable())('the search page on a phone', () => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof liveServer>>;
  let browser: Browser;

  beforeAll(async () => {
    t = await openTestDatabase('sqlite');
    const { app } = await demoApp(t);
    server = await liveServer(app);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (t) await closeTestDatabase(t);
  });

  it.each([
    ['/search?q=Hamgyong', 'en'],
    ['/ko/search?q=함경북도', 'ko'],
  ])(
    'shows one search box and the first result on the first screen: %s',
    async (path) => {
      const page = await browser.newPage({ viewport: PHONE });
      try {
        await page.goto(`${server.origin}${path}`);
        const boxes = await page.$$eval(
          'input[type="search"]',
          (inputs) => inputs.filter((i) => (i as HTMLElement).offsetParent !== null).length,
        );
        expect(boxes).toBe(1);
        const top = await page.$eval('.hit', (hit) => hit.getBoundingClientRect().top);
        const bottom = await page.$eval(
          '.hit .entry-title',
          (title) => title.getBoundingClientRect().bottom,
        );
        console.info(`${path}: the first result's top is ${Math.round(top)} px down at 390 px`);
        expect(bottom).toBeLessThan(PHONE.height);
      } finally {
        await page.close();
      }
    },
    60_000,
  );
});
