import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { makeStaff } from '../support/admin-session.ts';
import { browserAvailable, demoInChromium, signInWithPassword } from '../support/browser.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication } from '../support/factories.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One page of each kind: /admin/people/12 and /admin/people/40 are the same page. */
const kindOf = (path: string) => path.replace(/\/\d+(?=\/|$)/g, '/:id');

/** Downloads and machine formats are not pages; signing out would end the crawl. */
const NOT_PAGES = /\.(csv|jsonl|json|geojson|txt|pdf|png|jpg|webp|tif)$|\/files\/\d+\/original/;

/**
 * Every back-office page an administrator can reach by following links from the dashboard,
 * one of each kind, plus the sign-in page: found by crawling, so a page added later is checked
 * without anyone remembering to list it.
 */
async function adminPages(page: Page, origin: string): Promise<string[]> {
  const seen = new Map<string, string>();
  const queue = ['/admin'];
  while (queue.length > 0 && seen.size < 80) {
    const path = queue.shift()!;
    if (seen.has(kindOf(path))) continue;
    const response = await page.goto(`${origin}${path}`);
    if (!response?.ok() || !response.headers()['content-type']?.includes('text/html')) continue;
    seen.set(kindOf(path), path);
    const links = await page.$$eval('a[href]', (anchors) =>
      anchors.map((a) => (a as HTMLAnchorElement).href),
    );
    for (const href of links) {
      const url = new URL(href);
      if (url.origin !== origin || !url.pathname.startsWith('/admin')) continue;
      if (NOT_PAGES.test(url.pathname) || seen.has(kindOf(url.pathname))) continue;
      queue.push(url.pathname + url.search);
    }
  }
  return [...seen.values()];
}

describeEachDatabase(
  'every back-office page in Chromium',
  (db) => {
    let ctx: AppContext;
    let origin: string;
    let browser: Browser;
    let close: () => Promise<void>;
    let pages: string[] = [];
    let page: Page;

    beforeAll(async () => {
      ({ ctx, origin, browser, close } = await demoInChromium(db()));
      // A draft with a revision, so that the revisions and diff pages have something to show.
      await buildPublication(ctx, { status: 'draft', title: 'A draft for the crawl' });
      const admin = await makeStaff(ctx, 'admin');
      page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      await signInWithPassword(page, origin, admin);
      pages = await adminPages(page, origin);
    }, 180_000);

    afterAll(() => close?.());

    it('reaches the main back-office pages by links', () => {
      for (const kind of [
        '/admin',
        '/admin/publications',
        '/admin/publications/new',
        '/admin/publications/:id',
        '/admin/people',
        '/admin/people/:id',
        '/admin/users',
        '/admin/settings',
        '/admin/account',
      ]) {
        expect(pages.map(kindOf)).toContain(kind);
      }
    });

    it('finds no accessibility violations on any back-office page', async () => {
      const report: string[] = [];
      for (const path of ['/admin/sign-in', ...pages]) {
        const target =
          path === '/admin/sign-in' ? await (await browser.newContext()).newPage() : page;
        await target.goto(`${origin}${path}`);
        const result = await new AxeBuilder({ page: target }).withTags(WCAG).analyze();
        for (const v of result.violations) {
          report.push(`${path}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
        }
        if (target !== page) await target.close();
      }
      expect(report).toEqual([]);
    }, 300_000);

    it('fits every back-office page in 390 px without sideways scrolling', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      const report: string[] = [];
      for (const path of pages) {
        await page.goto(`${origin}${path}`);
        const wide = await page.evaluate(() => {
          const over = document.documentElement.scrollWidth - window.innerWidth;
          const culprit = [...document.querySelectorAll('main *')].find(
            (e) => e.getBoundingClientRect().right > window.innerWidth + 1,
          );
          return over > 0 ? `${over}px, e.g. ${culprit?.tagName}.${culprit?.className}` : null;
        });
        if (wide) report.push(`${path}: ${wide}`);
      }
      await page.setViewportSize({ width: 1280, height: 900 });
      expect(report).toEqual([]);
    }, 180_000);

    it('shows where the keyboard is on every control of the editor', async () => {
      const piece = pages.find((p) => /^\/admin\/publications\/\d+$/.test(p))!;
      await page.goto(`${origin}${piece}`);
      const unseen: string[] = [];
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const visible =
            style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
          return { visible, name: `${el.tagName}#${el.id}.${el.className}` };
        });
        if (focus && !focus.visible) unseen.push(focus.name);
      }
      expect(unseen).toEqual([]);
    }, 60_000);
  },
  { skip: !browserAvailable() },
);
