import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.tsx';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { closeTestDatabase, openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { DEMO_PAGE_TYPES, demoContext } from '../support/demo-context.ts';
import { liveServer } from '../support/live-server.ts';

const SHOTS = 'test-results/screenshots';

describe.skipIf(!browserAvailable())('reading the archive in Chromium', () => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof liveServer>>;
  let browser: Browser;
  let context: BrowserContext;
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    t = await openTestDatabase('sqlite');
    server = await liveServer(createApp(await demoContext(t)));
    browser = await launchBrowser();
    context = await browser.newContext();
    // Any request that leaves this server is a failure: readers may be on watched networks.
    context.on('request', (r) => {
      if (!r.url().startsWith(server.origin) && !r.url().startsWith('data:'))
        foreignRequests.push(r.url());
    });
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (t) await closeTestDatabase(t);
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${server.origin}${path}`);
    return page;
  }

  for (const locale of ['', '/ko']) {
    it(`walks home → section → publication → PDF → person → place${locale ? ' in Korean' : ''}`, async () => {
      const page = await open(`${locale}/`);
      await page
        .getByRole('link', {
          name: locale
            ? '이사진·연구원·직원 기고문'
            : 'Articles by Board Members, Fellows and Staff',
        })
        .first()
        .click();
      await expect.poll(() => page.url()).toBe(`${server.origin}${locale}/articles/`);
      await page
        .getByRole('link', { name: 'A Human Rights Dialogue with North Korea: Real or Illusory?' })
        .click();
      await expect
        .poll(() => page.locator('h1').textContent())
        .toBe('A Human Rights Dialogue with North Korea: Real or Illusory?');
      const pdfHref = await page.locator('.files a.pdf').getAttribute('href');
      const pdf = await page.request.get(`${server.origin}${pdfHref}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      await page.locator('.publication-header .byline a', { hasText: 'Roberta Cohen' }).click();
      await expect.poll(() => page.url()).toBe(`${server.origin}${locale}/people/roberta-cohen/`);
      await page.goto(
        `${server.origin}${locale}/reports/north-korea-flooding-at-kyo-hwa-so-no-12-jongo-ri/`,
      );
      await page.locator('.tags a[href*="/places/"]').first().click();
      await expect
        .poll(() => page.url())
        .toBe(`${server.origin}${locale}/places/kyo-hwa-so-no-12/`);
      expect(await page.locator('.locator-map svg').count()).toBe(1);
      await page.close();
    });
  }

  it('finds no accessibility violations on any page type in either language', async () => {
    const report: string[] = [];
    for (const locale of ['', '/ko']) {
      for (const path of DEMO_PAGE_TYPES) {
        const page = await open(`${locale}${path}`);
        const result = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze();
        for (const v of result.violations) {
          report.push(
            `${locale}${path}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`,
          );
        }
        await page.close();
      }
    }
    expect(report).toEqual([]);
  }, 180_000);

  it('takes screenshots at phone and desktop widths in both languages', async () => {
    for (const width of [390, 1280]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 } });
      for (const [name, path] of [
        ['home', '/'],
        ['section', '/articles/'],
        ['publication', '/articles/a-human-rights-dialogue-with-north-korea-real-or-illusory/'],
        ['person', '/people/roberta-cohen/'],
        ['place', '/places/kyo-hwa-so-no-12/'],
        ['ko-home', '/ko/'],
        ['ko-publication', '/ko/reports/kyo-hwa-so-no-12-flooding-ko/'],
      ] as const) {
        const page = await ctx.newPage();
        await page.goto(`${server.origin}${path}`);
        await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
        await page.close();
      }
      await ctx.close();
    }
    expect(foreignRequests).toEqual([]);
  }, 120_000);

  it('reads fully with JavaScript turned off, summaries included', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${server.origin}/articles/`);
    const summary = page.locator('details.summary').first();
    await summary.locator('summary').click();
    expect(await summary.getAttribute('open')).not.toBeNull();
    expect(await page.locator('main .entry').count()).toBe(10);
    await ctx.close();
  });

  it('can be used with the keyboard: the skip link comes first and lands on the content', async () => {
    const page = await open('/articles/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    const outline = await page.evaluate(() => {
      const link = document.querySelector<HTMLAnchorElement>('main a')!;
      link.focus();
      return getComputedStyle(link).outlineStyle;
    });
    expect(outline).not.toBe('none');
    await page.close();
  });

  it('made no request to any other origin during the whole run', () => {
    expect(foreignRequests).toEqual([]);
  });
});
