import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { writeTextPdf } from '../../src/infra/pdf/write-text-pdf.ts';
import { makeStaff } from '../support/admin-session.ts';
import { browserAvailable, demoInChromium, signInWithPassword } from '../support/browser.ts';
import { describeEachDatabase } from '../support/databases.ts';

const SCREENS = 'docs/screens';

/**
 * Counts what an editor does: each document the browser loads (typing an address or sending a
 * form) and each form a script sends in place (a new person, an upload). Requests the page makes
 * by itself (the live Markdown preview, the slug, file status) are not steps.
 */
function countSteps(page: Page) {
  const steps: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) steps.push(`load ${new URL(frame.url()).pathname}`);
  });
  page.on('request', (request) => {
    const kind = request.resourceType();
    if (request.method() === 'POST' && (kind === 'fetch' || kind === 'xhr')) {
      const path = new URL(request.url()).pathname;
      if (!/markdown-preview|paste-to-markdown/.test(path)) steps.push(`send ${path}`);
    }
  });
  return steps;
}

async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describeEachDatabase(
  'the publication editor in Chromium',
  (db) => {
    let ctx: AppContext;
    let origin: string;
    let browser: Browser;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ ctx, origin, browser, close } = await demoInChromium(db()));
    }, 120_000);

    afterAll(() => close?.());

    it('publishes a report with two new authors, a footnote and a PDF in six steps', async () => {
      const editor = await makeStaff(ctx, 'editor');
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.on('dialog', (dialog) => dialog.accept());
      await signInWithPassword(page, origin, editor);
      const steps = countSteps(page);

      await page.goto(`${origin}/admin/publications/new`);
      await page.locator('#f-title').fill('Two authors, one footnote');
      // The slug follows the title, romanized by the server.
      await expect
        .poll(() => page.locator('#f-slug').inputValue())
        .toBe('two-authors-one-footnote');
      await page.locator('#f-sectionId').selectOption({ label: 'Reports and Publications' });

      for (const [row, name, role] of [
        [0, 'Min-ji Park', 'Researcher'],
        [1, 'Daniel Okafor', 'Senior Analyst'],
      ] as const) {
        await page
          .locator('tr.contributor')
          .nth(row)
          .getByRole('button', { name: 'New person…' })
          .click();
        await page.locator('#p-name').fill(name);
        await page.locator('#p-roleTitle').fill(role);
        await page.getByRole('button', { name: 'Add the person' }).click();
        await expect
          .poll(() =>
            page
              .locator(`select[name="contributions[${row}][personId]"] option:checked`)
              .textContent(),
          )
          .toBe(name);
        // The role they hold is suggested as their role at the time.
        expect(
          await page.locator(`input[name="contributions[${row}][affiliationLabel]"]`).inputValue(),
        ).toBe(role);
      }
      await page.locator('#f-body').fill('A finding.[^1]\n\n[^1]: A source.');
      await expect.poll(() => page.locator('#body-preview a[href="#fn1"]').count()).toBe(1);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.waitForURL(/\/admin\/publications\/\d+\?saved=1$/);
      const id = Number(/publications\/(\d+)/.exec(page.url())![1]);

      const pdf = await writeTextPdf({ title: 'Two authors', pages: ['Page one', 'Page two'] });
      await page
        .locator('#f-file')
        .setInputFiles({ name: 'Two Authors.pdf', mimeType: 'application/pdf', buffer: pdf });
      await page.getByRole('button', { name: 'Upload', exact: true }).click();
      await expect.poll(() => page.locator('.file-status li').count()).toBe(1);

      await page.getByRole('button', { name: 'Publish now' }).click();
      await page.waitForURL(/done=published/);
      expect(await page.locator('.flash').first().textContent()).toContain('Published');
      expect(
        await page.getByRole('link', { name: 'View it on the site' }).getAttribute('href'),
      ).toBe('/reports/two-authors-one-footnote/');

      const record = (await ctx.repos.publications.findById(id))!;
      expect(record.status).toBe('published');
      expect(record.slug).toBe('two-authors-one-footnote');
      const people = await ctx.repos.people.findByIds(record.contributions.map((c) => c.personId));
      expect(
        record.contributions.map((c) => people.find((p) => p.id === c.personId)?.name),
      ).toEqual(['Min-ji Park', 'Daniel Okafor']);
      expect(record.contributions.map((c) => c.affiliationLabel)).toEqual([
        'Researcher',
        'Senior Analyst',
      ]);
      expect((await ctx.repos.files.attachmentsOf([id])).length).toBe(1);
      // Open the form, two people, save, upload, publish.
      expect(steps, steps.join('\n')).toHaveLength(6);
      await context.close();
    }, 120_000);

    it('adds, moves and removes contributors in place, and finds a person by another spelling', async () => {
      const editor = await makeStaff(ctx, 'editor');
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInWithPassword(page, origin, editor);
      await page.goto(`${origin}/admin/publications/new`);
      const rows = page.locator('tr.contributor');
      const initial = await rows.count();
      await page.getByRole('button', { name: 'Add a contributor' }).click();
      expect(await rows.count()).toBe(initial + 1);
      // A Korean name finds the person whose romanized name is shown.
      const kim = (await ctx.repos.people.list()).find((p) => p.nameKo);
      if (kim) {
        await rows.nth(0).locator('input.person-find').fill(kim.nameKo!);
        expect(await rows.nth(0).locator('select[name$="[personId]"]').inputValue()).toBe(
          String(kim.id),
        );
      }
      const person = (row: number) => rows.nth(row).locator('select[name$="[personId]"]');
      await person(1).selectOption({ index: 2 });
      const second = await person(1).inputValue();
      await rows.nth(1).getByRole('button', { name: 'Move contributor 2 up' }).click();
      expect(await page.locator('select[name="contributions[0][personId]"]').inputValue()).toBe(
        second,
      );
      await page.getByRole('button', { name: 'Remove contributor 1' }).click();
      expect(await rows.count()).toBe(initial);
      expect(await page.locator('select[name="contributions[0][personId]"]').inputValue()).not.toBe(
        second,
      );
      await context.close();
    }, 60_000);

    it('shows a shared preview under a draft banner with its expiry, until the link is revoked', async () => {
      const editor = await makeStaff(ctx, 'editor');
      const context = await browser.newContext({
        permissions: ['clipboard-read', 'clipboard-write'],
      });
      const page = await context.newPage();
      await signInWithPassword(page, origin, editor);
      await page.goto(`${origin}/admin/publications/new`);
      await page.locator('#f-title').fill('Previewed draft');
      await page.locator('#f-slug').fill('previewed-draft');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.waitForURL(/saved=1/);
      await page.getByRole('button', { name: /Make a preview link/ }).click();
      const link = page.locator('#new-preview-link');
      const url = (await link.getAttribute('href'))!;
      expect(await link.textContent()).toBe(url);
      await page.getByRole('button', { name: 'Copy link' }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

      const reader = await browser.newContext();
      const preview = await reader.newPage();
      await preview.goto(url);
      const banner = preview.locator('.preview-banner');
      expect(await banner.textContent()).toMatch(
        /Draft preview, not public\..*until \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/,
      );
      expect(await preview.locator('h1').textContent()).toBe('Previewed draft');

      expect(await page.locator('.preview-links tbody tr').count()).toBe(1);
      await page.getByRole('button', { name: 'Revoke', exact: true }).click();
      await expect.poll(() => page.locator('.flash').first().textContent()).toContain('Revoked 1');
      const after = await preview.goto(url);
      expect(after?.status()).toBe(404);
      await reader.close();
      await context.close();
    }, 60_000);

    it('fits the editor in a phone’s width with the status bar on top, and in 1280 px beside the writing', async () => {
      const editor = await makeStaff(ctx, 'editor');
      const section = (await ctx.repos.sections.findBySlug('articles'))!;
      const target = (await ctx.repos.publications.findBySlug(
        section.id,
        'empty-marching-in-korea',
      ))!;
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInWithPassword(page, origin, editor);
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        await page.goto(`${origin}/admin/publications/${target.id}`);
        expect(await overflow(page)).toBeLessThanOrEqual(0);
        const bar = (await page.locator('.editor-bar').boundingBox())!;
        const title = (await page.locator('#f-title').boundingBox())!;
        if (width === 390) expect(bar.y).toBeLessThan(title.y);
        else expect(bar.x).toBeGreaterThan(title.x + title.width);
        if (db().config.kind === 'sqlite') {
          mkdirSync(SCREENS, { recursive: true });
          await sharp(await page.screenshot())
            .png({ palette: true, quality: 90, effort: 8, dither: 0 })
            .toFile(`${SCREENS}/editor-en-${width}.png`);
        }
      }
      await context.close();
    }, 60_000);
  },
  { skip: !browserAvailable() },
);
