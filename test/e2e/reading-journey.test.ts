import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.tsx';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { closeTestDatabase, openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { DEMO_PAGE_TYPES, DIALOGUE, demoContext, FLOOD } from '../support/demo-context.ts';
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
      expect(await page.locator('.locator-map svg:not(.inset)').count()).toBe(1);
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
    expect(await page.locator('main .entry').count()).toBe(10);
    expect(await page.locator('main .entry-summary').first().isVisible()).toBe(true);
    await ctx.close();
  });

  it('sets a report beside its facts on a wide screen, keeping the text to a reading measure', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${server.origin}${FLOOD}`);
    const text = (await page.locator('.pub-text').boundingBox())!;
    const facts = (await page.locator('.pub-facts').boundingBox())!;
    expect(facts.x).toBeGreaterThan(text.x + text.width);
    expect(facts.y).toBeLessThan(text.y + 200);
    // About 65–75 characters of the body's own type a line.
    const measure = await page.evaluate(() => {
      const body = document.querySelector('.pub-text p')!;
      const probe = document.createElement('span');
      probe.textContent = '0';
      body.append(probe);
      const ch = probe.getBoundingClientRect().width;
      probe.remove();
      return document.querySelector('.pub-text')!.getBoundingClientRect().width / ch;
    });
    expect(measure).toBeGreaterThan(60);
    expect(measure).toBeLessThan(80);
    // Listings use the width: cards side by side.
    await page.goto(`${server.origin}/articles/`);
    const tops = await page
      .locator('main .entry')
      .evaluateAll((cards) => cards.slice(0, 2).map((c) => c.getBoundingClientRect().top));
    expect(tops[0]).toBe(tops[1]);
    await ctx.close();
  });

  it('puts the facts after the title block and the citation after the text on a phone', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(`${server.origin}${FLOOD}`);
    const top = async (selector: string) => (await page.locator(selector).first().boundingBox())!.y;
    expect(await top('.publication-header')).toBeLessThan(await top('.pub-facts'));
    expect(await top('.pub-facts')).toBeLessThan(await top('.pub-text'));
    expect(await top('.pub-text')).toBeLessThan(await top('.pub-more'));
    await ctx.close();
  });

  it('prints the text, its facts and notes with their addresses, and none of the navigation', async () => {
    const page = await open(DIALOGUE);
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).display !== 'none');
    expect(await shown('.site-header')).toBe(false);
    expect(await shown('.site-footer')).toBe(false);
    expect(await shown('.breadcrumbs')).toBe(false);
    expect(await shown('.pub-text')).toBe(true);
    expect(await shown('.pub-facts')).toBe(true);
    expect(await shown('.cite')).toBe(true);
    // A note citing a web page, as many do: its address is printed after it.
    const after = await page.evaluate(() => {
      const link = document.createElement('a');
      link.href = 'https://example.org/report';
      link.textContent = 'the report';
      document.querySelector('.footnotes li')!.append(link);
      return getComputedStyle(link, '::after').content;
    });
    expect(after).toContain('https://example.org/report');
    await page.close();
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
