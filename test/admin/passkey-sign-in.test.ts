import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { setDisabled } from '../../src/features/accounts/manage-users.ts';
import type { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { Browserish, makeStaff } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { fixedClock } from '../support/factories.ts';
import { SoftwareAuthenticator } from '../support/software-authenticator.ts';
import { backOffice } from './back-office-support.ts';

/**
 * Passkey sign-in through its two routes, answered by an authenticator held in memory: the real
 * WebAuthn verifier checks every signature. The browser journey (Chromium's virtual
 * authenticator) covers the page's script; this covers each way a sign-in must be refused.
 */
describeEachDatabase('signing in with a passkey', (db) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;
  const clock = fixedClock('2026-06-01T12:00:00.000Z');

  beforeAll(async () => {
    ({ ctx, app } = await backOffice(db(), clock));
  });

  async function staffWithPasskey() {
    const account = await makeStaff(ctx, 'editor');
    const key = new SoftwareAuthenticator();
    await ctx.repos.credentials.addPasskey({
      userId: account.userId,
      credentialId: key.credentialId,
      publicKey: key.cosePublicKeyBase64,
      counter: 0,
      transports: null,
      name: 'Laptop',
      createdAt: clock.now().toISOString(),
      lastUsedAt: null,
    });
    return { account, key };
  }

  /** The token the sign-in page gives its script, sent back as that script sends it. */
  const csrfOf = async (b: Browserish) =>
    /data-csrf="([^"]+)"/.exec(await (await b.request('/admin/sign-in')).text())?.[1] ?? '';

  async function challenge(b: Browserish): Promise<{ challengeId: string; challenge: string }> {
    const res = await b.request('/admin/passkey/authenticate/options', {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': await csrfOf(b) },
    });
    expect(res.status).toBe(200);
    const { challengeId, options } = await res.json();
    return { challengeId, challenge: options.challenge };
  }

  const verify = async (b: Browserish, body: unknown) =>
    b.request('/admin/passkey/authenticate/verify', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': await csrfOf(b) },
    });

  const failures = async (userId: number) =>
    (await ctx.repos.audit.list({ action: 'auth.sign-in.failed' })).filter(
      (e) => e.subjectId === String(userId),
    );

  it('signs in with a passkey, opens the back office and records the method and the counter', async () => {
    const { account, key } = await staffWithPasskey();
    const b = new Browserish(app, ctx.config.publicUrl);
    const { challengeId, challenge: c } = await challenge(b);

    const res = await verify(b, {
      challengeId,
      response: key.assert(c, ctx.config.publicUrl),
      next: '/admin/publications',
    });

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, next: '/admin/publications' });
    expect((await b.request('/admin')).status).toBe(200);
    const [passkey] = await ctx.repos.credentials.passkeysOf(account.userId);
    expect(Number(passkey?.counter)).toBe(1);
    expect(passkey?.lastUsedAt).toBe(clock.now().toISOString());
    const signIns = (await ctx.repos.audit.list({ action: 'auth.sign-in' })).filter(
      (e) => e.subjectId === String(account.userId),
    );
    expect(signIns.map((e) => e.detail)).toEqual([{ method: 'passkey' }]);
  });

  it('refuses a challenge used twice, so a captured answer cannot be replayed', async () => {
    const { account, key } = await staffWithPasskey();
    const b = new Browserish(app, ctx.config.publicUrl);
    const { challengeId, challenge: c } = await challenge(b);
    const answer = key.assert(c, ctx.config.publicUrl);
    expect((await verify(b, { challengeId, response: answer })).status).toBe(200);

    const replay = await verify(new Browserish(app, ctx.config.publicUrl), {
      challengeId,
      response: answer,
    });

    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ ok: false });
    expect((await failures(account.userId)).length).toBe(0); // refused before any account is known
  });

  it('refuses an answer signed by another key for a known passkey, and says so in the trail', async () => {
    const { account, key } = await staffWithPasskey();
    const impostor = new SoftwareAuthenticator(key.credentialId);
    const b = new Browserish(app, ctx.config.publicUrl);
    const { challengeId, challenge: c } = await challenge(b);

    const res = await verify(b, {
      challengeId,
      response: impostor.assert(c, ctx.config.publicUrl),
    });

    expect(res.status).toBe(401);
    expect((await b.request('/admin')).status).toBe(303);
    expect((await failures(account.userId)).map((e) => e.detail)).toEqual([
      { method: 'passkey', reason: 'verification' },
    ]);
  });

  it('refuses an answer made for another site', async () => {
    const { account, key } = await staffWithPasskey();
    const b = new Browserish(app, ctx.config.publicUrl);
    const { challengeId, challenge: c } = await challenge(b);

    const res = await verify(b, {
      challengeId,
      response: key.assert(c, 'https://phishing.example', new URL(ctx.config.publicUrl).hostname),
    });

    expect(res.status).toBe(401);
    expect((await failures(account.userId)).map((e) => e.detail)).toEqual([
      { method: 'passkey', reason: 'verification' },
    ]);
  });

  it("refuses a disabled account's passkey with the same message as any other refusal", async () => {
    const { account, key } = await staffWithPasskey();
    await setDisabled(ctx, account.userId, true, SYSTEM_ACTOR);
    const b = new Browserish(app, ctx.config.publicUrl);
    const { challengeId, challenge: c } = await challenge(b);

    const res = await verify(b, { challengeId, response: key.assert(c, ctx.config.publicUrl) });
    const unknown = await verify(b, {
      challengeId: 'nope',
      response: key.assert(c, ctx.config.publicUrl),
    });

    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe((await unknown.json()).error);
    expect((await failures(account.userId)).map((e) => e.detail)).toEqual([
      { method: 'passkey', reason: 'disabled' },
    ]);
  });
});
