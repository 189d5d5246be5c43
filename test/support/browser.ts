import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createApp } from '../../src/web/app.tsx';
import { PASSWORD, type StaffAccount } from './admin-session.ts';
import type { TestDatabase } from './databases.ts';
import { demoContext } from './demo-context.ts';
import { freePort, liveServer } from './live-server.ts';
import { totpCodeAt } from './totp.ts';

export const CHROMIUM = '/usr/bin/chromium';

/** Whether browser tests can run; under CI=true a missing browser is a failure, not a skip. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is required under CI=true`);
  console.warn(
    `\n!!! ${CHROMIUM} is missing: BROWSER TESTS ARE SKIPPED. Install Debian's chromium to run them.\n`,
  );
  return false;
}

/** Debian's Chromium, headless, kept off the network except for the pages we open. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Signs in on the sign-in page, as a person would: email, password and the authenticator's code. */
export async function signInWithPassword(page: Page, origin: string, account: StaffAccount) {
  await page.goto(`${origin}/admin/sign-in`);
  await page.locator('#f-email').fill(account.email);
  await page.locator('#f-password').fill(PASSWORD);
  await page.locator('#f-code').fill(totpCodeAt(account.totpSecret, new Date()));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(`${origin}/admin`);
}

/**
 * The demo archive served as http://localhost:PORT, and Chromium to read it. A host name, never
 * an IP address: WebAuthn accepts localhost as a secure context, and the CSRF check wants the
 * origin the archive names. The clock is the real one: authenticator codes and the browser's
 * time must agree.
 */
export async function demoInChromium(t: TestDatabase) {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const demo = await demoContext(t, new Date().toISOString(), origin);
  const ctx = { ...demo, clock: { now: () => new Date() } };
  const server = await liveServer(createApp(ctx), port);
  const browser = await launchBrowser().catch(async (error) => {
    await server.close();
    throw error;
  });
  const close = async () => {
    await browser.close();
    await server.close();
  };
  return { ctx, origin, browser, close };
}
