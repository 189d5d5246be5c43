import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import type { WiredContext } from '../../src/context.ts';
import { PDF_EXTRACT_JOB } from '../../src/features/publishing/files/attach-file.ts';
import { writeTextPdf } from '../../src/infra/pdf/write-text-pdf.ts';
import { createApp } from '../../src/web/app.tsx';
import { makeStaff, type StaffAccount } from '../support/admin-session.ts';
import { browserAvailable, launchBrowser, signInWithPassword } from '../support/browser.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication, testContext } from '../support/factories.ts';
import { freePort, liveServer } from '../support/live-server.ts';

/**
 * The files panel in Chromium: files uploaded with a bar each, their rows added without a
 * reload, and their state followed as the extraction runs. Served as http://localhost:PORT,
 * the origin the CSRF check wants.
 */
describeEachDatabase(
  'a publication’s files reporting themselves, in Chromium',
  (db) => {
    let ctx: WiredContext;
    let server: Awaited<ReturnType<typeof liveServer>>;
    let origin: string;
    let browser: Browser;
    let editor: StaffAccount;

    beforeAll(async () => {
      const port = await freePort();
      origin = `http://localhost:${port}`;
      // The real clock: the authenticator codes and the browser's time must agree.
      ctx = await testContext(db(), { now: () => new Date() }, origin);
      editor = await makeStaff(ctx, 'editor');
      server = await liveServer(createApp(ctx), port);
      browser = await launchBrowser();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      await ctx?.pdf.close();
    });

    it('uploads PDFs with a progress bar each, then shows them turn Ready with their pages, without a reload', async () => {
      const piece = await buildPublication(ctx, { status: 'draft', publishedAt: null });
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInWithPassword(page, origin, editor);
      await page.goto(`${origin}/admin/publications/${piece.id}`);
      const editorUrl = page.url();
      // Gone if the page reloads: the rows must change in place.
      await page.evaluate(() => {
        (window as unknown as { stayed: boolean }).stayed = true;
      });

      const pdf = (title: string, pages: string[]) => writeTextPdf({ title, pages });
      await page.locator('#f-file').setInputFiles([
        {
          name: '보고서 Field Notes.pdf',
          mimeType: 'application/pdf',
          buffer: await pdf('Field notes', [
            'The river rose in the night and the camp’s lower barracks were lost.',
            'Guards moved the prisoners to the hillside at dawn.',
          ]),
        },
        {
          name: 'Annex.pdf',
          mimeType: 'application/pdf',
          buffer: await pdf('Annex', ['A list of the places named in the notes.']),
        },
      ]);
      await page.getByRole('button', { name: 'Upload', exact: true }).click();

      const bars = page.locator('.upload-progress progress');
      await expect.poll(() => bars.count()).toBe(2);
      await expect.poll(() => page.locator('.upload-progress li.upload-done').count()).toBe(2);
      expect(await bars.first().getAttribute('value')).toBe('100');

      const row = page.locator('.file-status li[data-file-id]', {
        hasText: '보고서 Field Notes.pdf',
      });
      await expect
        .poll(() => row.locator('[data-file-label]').textContent())
        .toBe('Waiting to be read');
      expect(await page.locator('.file-status li[data-file-id]').count()).toBe(2);
      expect(await row.locator('[aria-live="polite"]').count()).toBe(1);
      expect(await row.locator('input[name^="altText-"]').count()).toBe(0);

      await createJobRunner(ctx, { kinds: [PDF_EXTRACT_JOB] }).drain();

      await expect
        .poll(() => row.locator('[data-file-label]').textContent(), { timeout: 15_000 })
        .toBe('Ready');
      expect(await row.textContent()).toContain('2 pages');
      await expect.poll(() => row.locator('img.file-thumb').count()).toBe(1);
      const annex = page.locator('.file-status li[data-file-id]', { hasText: 'Annex.pdf' });
      await expect.poll(() => annex.textContent()).toContain('1 page');
      expect(page.url()).toBe(editorUrl);
      expect(
        await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed === true),
      ).toBe(true);
      await context.close();
    }, 90_000);
  },
  { skip: !browserAvailable() },
);
