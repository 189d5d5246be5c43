import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { createApp } from '../../src/web/app.tsx';
import { makeStaff, PASSWORD, type StaffAccount } from '../support/admin-session.ts';
import { browserAvailable, launchBrowser, signInWithPassword } from '../support/browser.ts';
import { closeTestDatabase, openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { buildPublication, testContext } from '../support/factories.ts';
import { freePort, liveServer } from '../support/live-server.ts';

/**
 * An editor's text survives the end of their session: the form is open, they are signed out in
 * another tab, they press Save. Served as http://localhost:PORT, the origin the CSRF check wants.
 */
describe.skipIf(!browserAvailable())('saving after the session ended, in Chromium', () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let server: Awaited<ReturnType<typeof liveServer>>;
  let origin: string;
  let browser: Browser;
  let editor: StaffAccount;

  beforeAll(async () => {
    t = await openTestDatabase('sqlite');
    const port = await freePort();
    origin = `http://localhost:${port}`;
    // The real clock: the authenticator codes and the browser's time must agree.
    ctx = await testContext(t, { now: () => new Date() }, origin);
    editor = await makeStaff(ctx, 'editor');
    server = await liveServer(createApp(ctx), port);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (t) await closeTestDatabase(t);
  });

  it('keeps the typed text, says so, and restores it in the form after signing in again', async () => {
    const piece = await buildPublication(ctx, { status: 'draft', title: 'Testimony from Onsong' });
    // Longer than any sign-in form may be: a body that size without a session is a lost session.
    const typed = Array.from(
      { length: 400 },
      (_, i) => `Paragraph ${i + 1}: she crossed the river in March 2019; the guards had changed.`,
    ).join('\n\n');
    expect(typed.length).toBeGreaterThan(16 * 1024);
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInWithPassword(page, origin, editor);

    await page.goto(`${origin}/admin/publications/${piece.id}`);
    await page.locator('#f-body').fill(typed);

    // Signed out in another tab of the same browser.
    const other = await context.newPage();
    await other.goto(`${origin}/admin`);
    await other.getByRole('button', { name: 'Sign out' }).click();
    await other.waitForURL(`${origin}/admin/sign-in`);
    await other.close();

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Not saved: the session ended');
    await expect.poll(() => page.locator('#kept-copy').isVisible()).toBe(true);
    expect(await page.locator('#kept-copy').textContent()).toContain(
      'What you typed is kept in this browser',
    );
    expect((await ctx.repos.publications.findById(piece.id))?.body).toBe('');

    // Back to the form through sign-in (the authenticator's code was spent: a recovery code).
    await page.getByRole('link', { name: 'Sign in again' }).click();
    await page.waitForURL(/\/admin\/sign-in\?next=/);
    await page.locator('#f-email').fill(editor.email);
    await page.locator('#f-password').fill(PASSWORD);
    await page.locator('#f-code').fill(editor.recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${origin}/admin/publications/${piece.id}`);
    await expect.poll(() => page.locator('#f-body').inputValue()).toBe(typed);
    expect(await page.locator('.flash[role="status"]').first().textContent()).toContain(
      'It is not saved yet',
    );

    // Saved now; only then does the browser let its copy go.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(/\?saved=1$/);
    expect((await ctx.repos.publications.findById(piece.id))?.body).toBe(typed);
    const copies = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('dossier:publication-')),
    );
    expect(copies).toEqual([]);
    await context.close();
  }, 90_000);
});
