import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { finishSetupWithPasskey } from '../../src/features/accounts/account-setup.ts';
import { reissueSetupLink } from '../../src/features/accounts/manage-users.ts';
import type { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { Browserish, makeStaff, PASSWORD, type StaffAccount } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { fixedClock } from '../support/factories.ts';
import { totpCodeAt } from '../support/totp.ts';
import { backOffice } from './back-office-support.ts';

describeEachDatabase('set-up links for an existing account', (db) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;
  const clock = fixedClock('2026-06-01T12:00:00.000Z');
  const browser = () => new Browserish(app, ctx.config.publicUrl);
  const newLink = async (userId: number) =>
    new URL((await reissueSetupLink(ctx, userId, SYSTEM_ACTOR, ctx.config.publicUrl)).setupUrl)
      .pathname;
  const signedIn = async (account: StaffAccount) => {
    clock.advance(31);
    const b = browser();
    expect((await b.signIn(account, ctx)).status).toBe(303);
    expect((await b.request('/admin')).status).toBe(200);
    return b;
  };

  /** Finishes set-up through a link with a password and a new authenticator; returns its secret. */
  const setUpByPassword = async (link: string) => {
    const b = browser();
    const page = await (await b.request(link)).text();
    const totpSecret = /name="totpSecret" value="([A-Z2-7]+)"/.exec(page)![1]!;
    const done = await b.submit(link, `${link}/password`, {
      password: PASSWORD,
      totpSecret,
      code: totpCodeAt(totpSecret, clock.now()),
    });
    expect(done.status).toBe(200);
    return totpSecret;
  };

  beforeAll(async () => {
    ({ ctx, app } = await backOffice(db(), clock));
  });

  it('keeps only the newest link, and finishing set-up spends it and ends every session', async () => {
    const account = await makeStaff(ctx, 'editor');
    const before = await signedIn(account);

    const older = await newLink(account.userId);
    const newer = await newLink(account.userId);
    expect((await browser().request(older)).status).toBe(410);

    const totpSecret = await setUpByPassword(newer);
    expect((await before.request('/admin')).status).toBe(303);
    expect((await browser().request(newer)).status).toBe(410);
    expect((await browser().request(older)).status).toBe(410);

    // A passkey set up through a link ends the sessions opened with the old credentials too.
    const reset = { ...account, totpSecret };
    const afterReset = await signedIn(reset);
    const third = await newLink(account.userId);
    await addPasskey(account.userId, 'registered-through-the-link');
    await finishSetupWithPasskey(ctx, third.split('/').pop()!, 'registered-through-the-link');
    expect((await afterReset.request('/admin')).status).toBe(303);
    expect((await browser().request(third)).status).toBe(410);
  });

  const addPasskey = (userId: number, credentialId: string) =>
    ctx.repos.credentials.addPasskey({
      userId,
      credentialId,
      publicKey: 'AAAA',
      counter: 0,
      transports: null,
      name: credentialId,
      createdAt: clock.now().toISOString(),
      lastUsedAt: null,
    });
  const passkeyNames = async (userId: number) =>
    (await ctx.repos.credentials.passkeysOf(userId)).map((p) => p.credentialId);

  it('removes every passkey registered before a set-up by password, so none from before opens the account', async () => {
    const account = await makeStaff(ctx, 'editor');
    await addPasskey(account.userId, 'left-by-an-intruder');
    await setUpByPassword(await newLink(account.userId));
    expect(await passkeyNames(account.userId)).toEqual([]);
  });

  it('keeps only the passkey made through a set-up by passkey: the password, app and recovery codes go', async () => {
    const account = await makeStaff(ctx, 'editor');
    await addPasskey(account.userId, 'left-by-an-intruder');
    const link = await newLink(account.userId);
    await addPasskey(account.userId, 'made-through-the-link');
    await finishSetupWithPasskey(ctx, link.split('/').pop()!, 'made-through-the-link');
    expect(await passkeyNames(account.userId)).toEqual(['made-through-the-link']);
    const secrets = await ctx.repos.credentials.secretsOf(account.userId);
    expect(secrets).toMatchObject({ passwordHash: null, totpSecret: null });
    expect(await ctx.repos.credentials.unusedRecoveryCodes(account.userId)).toBe(0);
    clock.advance(31);
    expect((await browser().signIn(account, ctx)).status).not.toBe(303);
  });
});
