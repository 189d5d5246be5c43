import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import type { WiredContext } from '../../src/context.ts';
import type { AppContext } from '../../src/core/app-context.ts';
import { addUser } from '../../src/features/accounts/manage-users.ts';
import { SCENE_PREPARE_JOB } from '../../src/features/imagery/index.ts';
import { writeTextPdf } from '../../src/infra/pdf/write-text-pdf.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { makeStaff } from '../support/admin-session.ts';
import { browserAvailable, demoInChromium, signInWithPassword } from '../support/browser.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication } from '../support/factories.ts';
import { utmScene } from '../support/scenes.ts';

const SHOTS = 'test-results/screenshots';

/**
 * The editors' side in a real browser: passkeys through Chromium's virtual authenticator,
 * password + TOTP, and a publication's whole life. The site is served as http://localhost:PORT,
 * because WebAuthn accepts a host name (localhost is a secure context) but never an IP address.
 */
describeEachDatabase(
  'editing the archive in Chromium',
  (db) => {
    let ctx: AppContext;
    let origin: string;
    let browser: Browser;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ ctx, origin, browser, close } = await demoInChromium(db()));
      mkdirSync(SHOTS, { recursive: true });
    }, 120_000);

    afterAll(() => close?.());

    async function withVirtualAuthenticator(context: BrowserContext, page: Page) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('WebAuthn.enable');
      await cdp.send('WebAuthn.addVirtualAuthenticator', {
        options: {
          protocol: 'ctap2',
          transport: 'internal',
          hasResidentKey: true,
          hasUserVerification: true,
          isUserVerified: true,
          automaticPresenceSimulation: true,
        },
      });
    }

    it('registers a passkey through a set-up link and signs in with it', async () => {
      const { setupUrl } = await addUser(
        ctx,
        { email: 'passkey@example.org', role: 'editor' },
        SYSTEM_ACTOR,
        origin,
      );
      const context = await browser.newContext();
      const page = await context.newPage();
      await withVirtualAuthenticator(context, page);
      await page.goto(setupUrl);
      await page.getByRole('button', { name: 'Create a passkey' }).click();
      await page.waitForURL(`${origin}/admin`);
      expect(await page.locator('h1').textContent()).toBe('Back office');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(`${origin}/admin/sign-in`);
      await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
      await page.waitForURL(`${origin}/admin`);
      const events = await ctx.repos.audit.list({ action: 'auth.sign-in' });
      expect(events[0]?.detail).toEqual({ method: 'passkey' });
      await context.close();
    }, 60_000);

    it('signs in with a password and TOTP, writes a draft, attaches a PDF, previews, publishes and withdraws it', async () => {
      const editor = await makeStaff(ctx, 'editor');
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInWithPassword(page, origin, editor);
      await page.goto(`${origin}/admin/publications/new`);
      await page.locator('#f-title').fill('Browser-made report');
      await page.locator('#f-slug').fill('browser-made-report');
      await page.locator('#f-sectionId').selectOption({ label: 'Reports and Publications' });
      await page.locator('#f-body').fill('A finding.[^1]\n\n[^1]: A source.');
      await expect.poll(() => page.locator('#body-preview a[href="#fn1"]').count()).toBe(1);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.waitForURL(/\/admin\/publications\/\d+\?saved=1$/);
      const id = Number(/publications\/(\d+)/.exec(page.url())![1]);

      const pdf = await writeTextPdf({
        title: 'Browser-made report',
        pages: ['Hamgyŏng-bukto 함경북도'],
      });
      await page
        .locator('#f-file')
        .setInputFiles({ name: 'Browser Report.pdf', mimeType: 'application/pdf', buffer: pdf });
      await page.getByRole('button', { name: 'Upload', exact: true }).click();
      await page.waitForURL(/saved=1/);
      await expect
        .poll(() => page.locator('.file-status li').first().textContent())
        .toContain('Browser Report.pdf');

      await page.getByRole('button', { name: /Make a preview link/ }).click();
      const previewUrl = (await page.locator('#new-preview-link').getAttribute('href'))!;
      expect(previewUrl).toMatch(/^http:\/\/localhost:\d+\/preview\/\S+$/);
      const anonymous = await browser.newContext();
      const previewPage = await anonymous.newPage();
      await previewPage.goto(previewUrl);
      expect(await previewPage.locator('h1').textContent()).toBe('Browser-made report');
      const before = await previewPage.goto(`${origin}/reports/browser-made-report/`);
      expect(before?.status()).toBe(404);

      // The button says what publishing does before it does it, and the page says it was done.
      const asked: string[] = [];
      page.on('dialog', async (dialog) => {
        asked.push(dialog.message());
        await dialog.accept();
      });
      await page.getByRole('button', { name: 'Publish now' }).click();
      await page.waitForURL(/done=published/);
      expect(asked[0]).toMatch(
        /^Publish now: “Browser-made report” will be visible to everyone at http:\/\/.*\/reports\/browser-made-report\/\.$/,
      );
      expect(await page.locator('.flash, [role="status"]').first().textContent()).toContain(
        'Published',
      );
      const published = await previewPage.goto(`${origin}/reports/browser-made-report/`);
      expect(published?.status()).toBe(200);
      await previewPage.screenshot({
        path: `${SHOTS}/published-from-admin-1280.png`,
        fullPage: true,
      });

      await page.locator('summary', { hasText: 'Withdraw…' }).click();
      await page.getByLabel('Reason shown to readers').fill('Withdrawn at the authors’ request.');
      await page.getByRole('button', { name: 'Withdraw' }).click();
      await page.waitForURL(/done=withdrawn/);
      expect(asked[1]).toMatch(/^Withdraw “Browser-made report”/);
      const gone = await previewPage.goto(`${origin}/reports/browser-made-report/`);
      expect(gone?.status()).toBe(410);
      expect(await previewPage.locator('main').textContent()).toContain(
        'Withdrawn at the authors’ request.',
      );
      expect((await ctx.repos.publications.findById(id))?.status).toBe('withdrawn');
      await anonymous.close();
      await context.close();
    }, 90_000);

    it('uploads a satellite scene and places an annotation by clicking its still', async () => {
      const editor = await makeStaff(ctx, 'editor');
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInWithPassword(page, origin, editor);
      const piece = await buildPublication(ctx, { status: 'draft', title: 'Scene draft' });
      await page.goto(`${origin}/admin/publications/${piece.id}`);
      await page.locator('#scene-alt').fill('Fields beside a walled compound');
      await page.locator('#scene-takenOn').fill('2020-08-31');
      await page.locator('#scene-file').setInputFiles({
        name: 'scene.tif',
        mimeType: 'image/tiff',
        buffer: Buffer.from(utmScene()),
      });
      await page.getByRole('button', { name: 'Upload the scene' }).click();
      await page.waitForURL(/\/scenes\/\d+$/);
      expect(await page.locator('main').textContent()).toContain('read from the file (EPSG:32652)');
      await createJobRunner(ctx as WiredContext, { kinds: [SCENE_PREPARE_JOB] }).drain();
      await page.reload();
      // The still is 600 × 400 pixels of scene; a click at its middle is the scene's middle.
      const still = page.locator('img[data-points-field]');
      await still.waitFor();
      const box = (await still.boundingBox())!;
      await still.click({ position: { x: box.width / 2, y: box.height / 2 } });
      const [x, y] = (await page.locator('#annotation-points').inputValue()).split(',').map(Number);
      expect(Math.abs(x! - 300)).toBeLessThanOrEqual(2);
      expect(Math.abs(y! - 200)).toBeLessThanOrEqual(2);
      await page.locator('#annotation-label').fill('Centre of the scene');
      await page.getByRole('button', { name: 'Add the annotation' }).click();
      await page.waitForURL(/saved=1/);
      expect(await page.locator('#a1-label, input[value="Centre of the scene"]').count()).toBe(1);
      await context.close();
    }, 60_000);

    it('gives the second of two browsers editing one piece the conflict page', async () => {
      const first = await makeStaff(ctx, 'editor');
      const second = await makeStaff(ctx, 'admin');
      const a = await browser.newContext();
      const b = await browser.newContext();
      const pageA = await a.newPage();
      const pageB = await b.newPage();
      await signInWithPassword(pageA, origin, first);
      await new Promise((r) => setTimeout(r, 1100));
      await signInWithPassword(pageB, origin, second);
      const section = (await ctx.repos.sections.findBySlug('articles'))!;
      const target = (await ctx.repos.publications.findBySlug(
        section.id,
        'empty-marching-in-korea',
      ))!;
      await pageA.goto(`${origin}/admin/publications/${target.id}`);
      await pageB.goto(`${origin}/admin/publications/${target.id}`);
      await pageA.locator('#f-subtitle').fill('Edited in browser A');
      await pageA.getByRole('button', { name: 'Save', exact: true }).click();
      await pageA.waitForURL(/saved=1/);
      await pageB.locator('#f-subtitle').fill('Edited in browser B');
      await pageB.getByRole('button', { name: 'Save', exact: true }).click();
      expect(await pageB.locator('h1').textContent()).toBe(
        'Someone else saved this publication first',
      );
      expect(await pageB.locator('table.diff').textContent()).toContain('Edited in browser A');
      expect(await pageB.locator('table.diff').textContent()).toContain('Edited in browser B');
      expect((await ctx.repos.publications.findById(target.id))?.subtitle).toBe(
        'Edited in browser A',
      );
      await a.close();
      await b.close();
    }, 90_000);
  },
  { skip: !browserAvailable() },
);
