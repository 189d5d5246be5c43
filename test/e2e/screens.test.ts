import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.tsx';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { closeTestDatabase, openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { demoContext, FLOOD } from '../support/demo-context.ts';
import { liveServer } from '../support/live-server.ts';

/**
 * The screenshots in docs/screens, taken anew by every run so that they show the site as it is:
 * seven kinds of page, in both languages, on a wide screen and a phone. Each shot also checks what
 * a reader would see wrong at a glance: a page wider than the screen, an image that did not load,
 * a request to anyone but the archive.
 */
const SCREENS = 'docs/screens';
const PAGES = {
  home: '/',
  listing: '/reports/',
  report: FLOOD,
  person: '/people/roberta-cohen/',
  place: '/places/kyo-hwa-so-no-12/',
  search: '/search?q=Jongo-ri',
  'not-found': '/no-such-page/',
} as const;
const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
] as const;

describe.skipIf(!browserAvailable())('screenshots of the reading site', () => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof liveServer>>;
  let browser: Browser;

  beforeAll(async () => {
    t = await openTestDatabase('sqlite');
    // Extraction runs so that reports have the covers made from their PDFs' first pages.
    server = await liveServer(
      createApp(await demoContext(t, undefined, undefined, { extract: true })),
    );
    browser = await launchBrowser();
    mkdirSync(SCREENS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (t) await closeTestDatabase(t);
  });

  for (const [kind, path] of Object.entries(PAGES)) {
    for (const lang of ['en', 'ko'] as const) {
      it(`shows the ${kind} page in ${lang} at 1280 and 390 px, whole, with its images and nothing foreign`, async () => {
        for (const viewport of WIDTHS) {
          const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
          const foreign: string[] = [];
          context.on('request', (r) => {
            if (!r.url().startsWith(server.origin) && !r.url().startsWith('data:'))
              foreign.push(r.url());
          });
          const page = await context.newPage();
          await page.goto(`${server.origin}${lang === 'ko' ? '/ko' : ''}${path}`, {
            waitUntil: 'load',
          });
          // The whole page is shot: images below the fold load as a reader scrolling would see them.
          await page.evaluate(async () => {
            const images = [...document.images];
            for (const img of images) img.loading = 'eager';
            await Promise.all(
              images.map((img) =>
                img.complete
                  ? null
                  : new Promise((done) => {
                      img.addEventListener('load', done);
                      img.addEventListener('error', done);
                    }),
              ),
            );
          });
          await page.waitForLoadState('networkidle');
          const seen = await page.evaluate(() => ({
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            broken: [...document.images]
              .filter((img) => img.complete && img.naturalWidth === 0)
              .map((img) => img.currentSrc || img.src),
          }));
          expect(seen.overflow, `${path} is wider than ${viewport.width} px`).toBeLessThanOrEqual(
            0,
          );
          expect(seen.broken).toEqual([]);
          expect(foreign).toEqual([]);
          const shot = await page.screenshot({ fullPage: true });
          // A palette PNG: a third of the size in the repository, the text as sharp as before.
          await sharp(shot)
            .png({ palette: true, quality: 90, effort: 8, dither: 0 })
            .toFile(`${SCREENS}/${kind}-${lang}-${viewport.width}.png`);
          await context.close();
        }
      }, 60_000);
    }
  }
});
