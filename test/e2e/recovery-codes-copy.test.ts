import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { addUser } from '../../src/features/accounts/manage-users.ts';
import { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { closeTestDatabase, openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { testContext } from '../support/factories.ts';
import { freePort, liveServer } from '../support/live-server.ts';
import { totpCodeAt } from '../support/totp.ts';

/**
 * The recovery codes shown once after set-up can be copied and downloaded, in the browser: the
 * server keeps only their hashes. Served as http://localhost:PORT, a secure context for the
 * clipboard and the origin the CSRF check wants.
 */
describe.skipIf(!browserAvailable())('copying and downloading recovery codes, in Chromium', () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let server: Awaited<ReturnType<typeof liveServer>>;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    t = await openTestDatabase('sqlite');
    const port = await freePort();
    origin = `http://localhost:${port}`;
    // The real clock: the authenticator code and the browser's time must agree.
    ctx = await testContext(t, { now: () => new Date() }, origin);
    server = await liveServer(createApp(ctx), port);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (t) await closeTestDatabase(t);
  });

  it('copies the codes to the clipboard, says so, and downloads them with the account', async () => {
    const email = 'new.editor@example.org';
    const { setupUrl } = await addUser(ctx, { email, role: 'editor' }, SYSTEM_ACTOR, origin);
    const context = await browser.newContext({
      permissions: ['clipboard-read', 'clipboard-write'],
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${origin}${new URL(setupUrl).pathname}`);
    const secret = await page.locator('input[name="totpSecret"]').inputValue();
    await page.locator('input[name="password"]').fill('a long enough password');
    await page.locator('input[name="code"]').fill(totpCodeAt(secret, new Date()));
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();

    const shown = (await page.locator('#recovery-codes').textContent())!.trim().split('\n');
    expect(shown).toHaveLength(10);

    await page.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.trim().split('\n')).toEqual(shown);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^[\p{L}\p{N}-]+-recovery-codes\.txt$/u);
    const saved = await readFile((await download.path())!, 'utf8');
    expect(saved).toContain(`Account: ${email}`);
    expect(saved).toContain(`Created: ${new Date().toISOString().slice(0, 10)}`);
    for (const code of shown) expect(saved).toContain(`\n${code}`);
    await context.close();
  }, 120_000);
});
