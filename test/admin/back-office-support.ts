import { expect } from 'vitest';
import type { Config } from '../../src/core/config.ts';
import type { UserRole } from '../../src/core/content-types.ts';
import { createApp } from '../../src/web/app.tsx';
import { Browserish, makeStaff, type StaffAccount } from '../support/admin-session.ts';
import type { TestDatabase } from '../support/databases.ts';
import { fixedClock, testContext } from '../support/factories.ts';

/** A back office on a fresh database, with a browser signed in per role on demand. */
export async function backOffice(
  t: TestDatabase,
  clock = fixedClock('2026-06-01T12:00:00.000Z'),
  config: Partial<Config> = {},
) {
  const ctx = await testContext(t, clock, undefined, { config });
  const app = createApp(ctx);
  const tick = clock.advance;
  const signedIn = async (
    role: UserRole,
  ): Promise<{ browser: Browserish; account: StaffAccount }> => {
    const account = await makeStaff(ctx, role);
    // The set-up just used this step's authenticator code; a code works once.
    tick(31);
    const browser = new Browserish(app, ctx.config.publicUrl);
    const res = await browser.signIn(account, ctx);
    if (res.status !== 303) throw new Error(`signing in as ${role} answered ${res.status}`);
    return { browser, account };
  };
  return { ctx, app, clock, tick, signedIn };
}

/**
 * A back office with a browser signed in for each role named, in that order: `editor`,
 * `admin` or `contributor` on the result, and their accounts in `accounts`.
 */
export async function backOfficeAs<R extends UserRole>(t: TestDatabase, ...roles: R[]) {
  const office = await backOffice(t);
  const browsers = {} as Record<R, Browserish>;
  const accounts = {} as Record<R, StaffAccount>;
  for (const role of roles) {
    ({ browser: browsers[role], account: accounts[role] } = await office.signedIn(role));
  }
  return { ...office, ...browsers, accounts };
}

/** The page of a form sent back to be corrected: the answer must be a 422. */
export async function sentBack(answer: Response | Promise<Response>): Promise<string> {
  const res = await answer;
  expect(res.status).toBe(422);
  return res.text();
}

/** The value of a form field as the page shows it back (input value or textarea text). */
export function fieldValue(page: string, name: string): string | undefined {
  const escaped = name.replace(/[[\]]/g, '\\$&');
  const input = new RegExp(`<input[^>]*name="${escaped}"[^>]*value="([^"]*)"`).exec(page);
  if (input) return input[1];
  const textarea = new RegExp(`<textarea[^>]*name="${escaped}"[^>]*>([\\s\\S]*?)</textarea>`).exec(
    page,
  );
  return textarea?.[1];
}
