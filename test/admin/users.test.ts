import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { Browserish, type StaffAccount } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { unique } from '../support/factories.ts';
import { backOffice, fieldValue, sentBack } from './back-office-support.ts';

describeEachDatabase('managing users in the back office', (db) => {
  let ctx: AppContext;
  let office: Awaited<ReturnType<typeof backOffice>>;
  let admin: Browserish;
  let adminAccount: StaffAccount;
  let editor: Browserish;

  beforeAll(async () => {
    office = await backOffice(db());
    ctx = office.ctx;
    ({ browser: admin, account: adminAccount } = await office.signedIn('admin'));
    editor = (await office.signedIn('editor')).browser;
  }, 60_000);

  it('lists users with their role, passkeys and signed-in sessions', async () => {
    const page = await (await admin.request('/admin/users')).text();
    expect(page).toContain(adminAccount.email);
    const row = page.slice(page.indexOf(adminAccount.email));
    expect(row).toMatch(/<td>0<\/td><td>1 session/);
  });

  it('adds a user and shows the one-time set-up link once, which then works', async () => {
    const email = `${unique('new')}@example.org`;
    const res = await admin.submit('/admin/users', '/admin/users', {
      email,
      displayName: 'Kim Min-ji',
      role: 'editor',
    });
    expect(res.status).toBe(200);
    const page = await res.text();
    const link = /<code class="setup-link">([^<]+)<\/code>/.exec(page)?.[1];
    expect(link).toMatch(/^https:\/\/archive\.example\.org\/admin\/setup\/[A-Za-z0-9_-]+$/);
    expect(await ctx.repos.users.findByEmail(email)).toMatchObject({
      displayName: 'Kim Min-ji',
      role: 'editor',
    });
    // Shown once: the list does not show it again.
    expect(await (await admin.request('/admin/users')).text()).not.toContain(link!);
    const setup = await new Browserish(office.app, ctx.config.publicUrl).request(
      new URL(link!).pathname,
    );
    expect(setup.status).toBe(200);
  });

  it('refuses a bad address beside the field, keeping what was typed (422)', async () => {
    const page = await sentBack(
      admin.submit('/admin/users', '/admin/users', {
        email: 'not an address',
        displayName: 'Lee Sun-hee',
        role: 'contributor',
      }),
    );
    expect(fieldValue(page, 'email')).toBe('not an address');
    expect(fieldValue(page, 'displayName')).toBe('Lee Sun-hee');
    expect(page).toContain('class="field has-error"');
    const taken = await admin.submit('/admin/users', '/admin/users', {
      email: adminAccount.email,
      role: 'editor',
    });
    expect(await sentBack(taken)).toContain('A user with this address exists');
  });

  it('changes a role, which signs the user out everywhere', async () => {
    const { browser, account } = await office.signedIn('editor');
    const res = await admin.submit('/admin/users', `/admin/users/${account.userId}/role`, {
      role: 'contributor',
    });
    expect(res.status).toBe(303);
    expect((await ctx.repos.users.findById(account.userId))?.role).toBe('contributor');
    expect((await browser.request('/admin')).status).toBe(303);
    expect(
      (
        await admin.submit('/admin/users', `/admin/users/${account.userId}/role`, {
          role: 'overlord',
        })
      ).status,
    ).toBe(422);
  });

  it('disables and enables an account, and signs a user out everywhere', async () => {
    const { browser, account } = await office.signedIn('contributor');
    expect((await browser.request('/admin')).status).toBe(200);
    expect(
      (await admin.submit('/admin/users', `/admin/users/${account.userId}/revoke-sessions`, {}))
        .status,
    ).toBe(303);
    expect((await browser.request('/admin')).status).toBe(303);

    office.tick(31);
    await browser.signIn(account, ctx);
    expect(
      (await admin.submit('/admin/users', `/admin/users/${account.userId}/disable`, {})).status,
    ).toBe(303);
    expect((await ctx.repos.users.findById(account.userId))?.disabled).toBe(true);
    expect((await browser.request('/admin')).status).toBe(303);
    office.tick(31);
    expect((await browser.signIn(account, ctx)).status).not.toBe(303);

    expect(
      (await admin.submit('/admin/users', `/admin/users/${account.userId}/enable`, {})).status,
    ).toBe(303);
    office.tick(31);
    expect((await browser.signIn(account, ctx)).status).toBe(303);
    const actions = (await ctx.repos.audit.list({ actionFamily: 'user' }))
      .filter((e) => e.subjectId === String(account.userId))
      .map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['user.sessions.revoke', 'user.disable', 'user.enable']),
    );
  });

  it('issues a new set-up link for a user who lost every way in', async () => {
    const { account } = await office.signedIn('editor');
    const res = await admin.submit('/admin/users', `/admin/users/${account.userId}/setup-link`, {});
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(
      /<code class="setup-link">https:\/\/archive\.example\.org\/admin\/setup\/[^<]+<\/code>/,
    );
    expect((await admin.submit('/admin/users', '/admin/users/999999/setup-link', {})).status).toBe(
      404,
    );
  });

  it('keeps an admin from demoting or disabling their own account', async () => {
    const demote = await admin.submit('/admin/users', `/admin/users/${adminAccount.userId}/role`, {
      role: 'editor',
    });
    expect(await sentBack(demote)).toContain('You cannot change the role of your own account');
    expect(
      (await admin.submit('/admin/users', `/admin/users/${adminAccount.userId}/disable`, {}))
        .status,
    ).toBe(422);
    expect(await ctx.repos.users.findById(adminAccount.userId)).toMatchObject({
      role: 'admin',
      disabled: false,
    });
  });

  it('is for admins only', async () => {
    expect((await editor.request('/admin/users')).status).toBe(403);
    const res = await editor.submit('/admin', '/admin/users', {
      email: `${unique('sneaky')}@example.org`,
      role: 'admin',
    });
    expect(res.status).toBe(403);
    expect(
      (await editor.submit('/admin', `/admin/users/${adminAccount.userId}/disable`, {})).status,
    ).toBe(403);
  });
});
