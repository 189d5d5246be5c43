import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { changeRole } from '../../src/features/accounts/manage-users.ts';
import type { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { Browserish, makeStaff } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { fixedClock } from '../support/factories.ts';
import { totpCodeAt } from '../support/totp.ts';
import { backOffice } from './back-office-support.ts';

describeEachDatabase('signing in to the back office', (db) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;
  let signedIn: Awaited<ReturnType<typeof backOffice>>['signedIn'];
  const clock = fixedClock('2026-06-01T12:00:00.000Z');
  const browser = () => new Browserish(app, ctx.config.publicUrl);

  beforeAll(async () => {
    ({ ctx, app, signedIn } = await backOffice(db(), clock));
  });

  it('sends anonymous visitors to the sign-in page', async () => {
    const res = await browser().request('/admin/publications');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/sign-in?next=%2Fadmin%2Fpublications');
  });

  it('signs in with a password and an authenticator code, then signs out', async () => {
    const account = await makeStaff(ctx, 'editor');
    clock.advance(31);
    const b = browser();
    const res = await b.signIn(account, ctx);
    expect(res.status).toBe(303);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-dossier_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect((await b.request('/admin')).status).toBe(200);
    await b.submit('/admin', '/admin/sign-out', {});
    expect((await b.request('/admin')).status).toBe(303);
    const events = await ctx.repos.audit.list({ action: 'auth.sign-in' });
    expect(events.some((e) => e.actorUserId === account.userId)).toBe(true);
  });

  it('refuses a right password with a wrong code, without saying which part was wrong', async () => {
    const account = await makeStaff(ctx, 'editor');
    clock.advance(31);
    const res = await browser().signIn(account, ctx, '000000');
    const page = await res.text();
    expect(res.status).toBe(403);
    expect(page).toContain('Those details did not sign you in.');
    const failures = await ctx.repos.audit.list({ action: 'auth.sign-in.failed' });
    expect(failures.some((e) => e.actorUserId === account.userId)).toBe(true);
  });

  it('refuses the same authenticator code twice', async () => {
    const account = await makeStaff(ctx, 'editor');
    clock.advance(31);
    const code = totpCodeAt(account.totpSecret, clock.now());
    expect((await browser().signIn(account, ctx, code)).status).toBe(303);
    expect((await browser().signIn(account, ctx, code)).status).toBe(403);
  });

  it('accepts each recovery code once in place of an authenticator code', async () => {
    const account = await makeStaff(ctx, 'editor');
    const code = account.recoveryCodes[0]!;
    expect((await browser().signIn(account, ctx, code)).status).toBe(303);
    expect((await browser().signIn(account, ctx, code)).status).toBe(403);
  });

  it('slows down repeated failures for an account with growing delays, held in the database', async () => {
    const account = await makeStaff(ctx, 'editor');
    for (let i = 0; i < 5; i++) await browser().signIn(account, ctx, '111111');
    const limited = await browser().signIn(account, ctx);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    clock.advance(3600);
    expect((await browser().signIn(account, ctx)).status).toBe(303);
  });

  it('ends a session after 30 idle minutes', async () => {
    const { browser: b } = await signedIn('editor');
    clock.advance(29 * 60);
    expect((await b.request('/admin')).status).toBe(200);
    clock.advance(31 * 60);
    expect((await b.request('/admin')).status).toBe(303);
  });

  it('ends a session 12 hours after sign-in however busy it is', async () => {
    const { browser: b } = await signedIn('editor');
    for (let hour = 0; hour < 12; hour++) {
      clock.advance(20 * 60);
      expect((await b.request('/admin')).status).toBe(200);
      clock.advance(20 * 60);
      expect((await b.request('/admin')).status).toBe(200);
      clock.advance(20 * 60);
      await b.request('/admin');
    }
    expect((await b.request('/admin')).status).toBe(303);
  });

  it('ends every session of a user whose role changes', async () => {
    const { browser: b, account } = await signedIn('editor');
    await changeRole(ctx, account.userId, 'contributor', SYSTEM_ACTOR);
    expect((await b.request('/admin')).status).toBe(303);
  });

  it('refuses a state-changing request without the CSRF token or from another origin', async () => {
    const { browser: b } = await signedIn('editor');
    const noToken = await b.request('/admin/publications', {
      method: 'POST',
      body: new URLSearchParams({ title: 'x' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(noToken.status).toBe(403);
    const page = await (await b.request('/admin/publications/new')).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const foreign = await b.request('/admin/publications', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: csrf, title: 'x' }),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://evil.example',
      },
    });
    expect(foreign.status).toBe(403);
  });

  it('serves back-office pages uncached, under a nonce-based policy without unsafe-inline', async () => {
    const res = await browser().request('/admin/sign-in');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it("removes one of the user's own passkeys and records it, but never another user's", async () => {
    const [owner, other] = [await makeStaff(ctx, 'editor'), await makeStaff(ctx, 'editor')];
    const passkey = (userId: number, credentialId: string) => ({
      userId,
      credentialId,
      publicKey: 'AAAA',
      counter: 0,
      transports: null,
      name: 'Laptop',
      createdAt: clock.now().toISOString(),
      lastUsedAt: null,
    });
    await ctx.repos.credentials.addPasskey(passkey(owner.userId, `own-${owner.userId}`));
    await ctx.repos.credentials.addPasskey(passkey(other.userId, `other-${other.userId}`));
    const [own] = await ctx.repos.credentials.passkeysOf(owner.userId);
    const [theirs] = await ctx.repos.credentials.passkeysOf(other.userId);
    const b = browser();
    await b.signIn(owner, ctx);

    await b.submit('/admin/account', `/admin/account/passkeys/${theirs!.id}/delete`, {});
    expect(await ctx.repos.credentials.passkeysOf(other.userId)).toHaveLength(1);
    const res = await b.submit('/admin/account', `/admin/account/passkeys/${own!.id}/delete`, {});

    expect(res.status).toBe(303);
    expect(await ctx.repos.credentials.passkeysOf(owner.userId)).toHaveLength(0);
    const removals = await ctx.repos.audit.list({ action: 'auth.passkey.remove' });
    expect(removals.map((e) => e.subjectId)).toEqual([String(owner.userId)]);
  });

  it('lets a set-up link be used once only', async () => {
    const { addUser } = await import('../../src/features/accounts/manage-users.ts');
    const { setupUrl } = await addUser(
      ctx,
      { email: 'once@example.org', role: 'contributor' },
      SYSTEM_ACTOR,
      ctx.config.publicUrl,
    );
    const path = new URL(setupUrl).pathname;
    const b = browser();
    const page = await (await b.request(path)).text();
    const secret = /name="totpSecret" value="([A-Z2-7]+)"/.exec(page)![1]!;
    const done = await b.submit(path, `${path}/password`, {
      password: 'a long enough password',
      totpSecret: secret,
      code: totpCodeAt(secret, clock.now()),
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('recovery codes');
    expect((await b.request(path)).status).toBe(410);
  });
});
