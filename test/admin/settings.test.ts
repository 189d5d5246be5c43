import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { securitySettings } from '../../src/features/accounts/security-settings.ts';
import type { createApp } from '../../src/web/app.tsx';
import type { Browserish } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { backOfficeAs, fieldValue, sentBack } from './back-office-support.ts';

describeEachDatabase('site settings in the back office', (db) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;
  let admin: Browserish;
  let adminId: number;
  let editor: Browserish;

  const site = {
    name: 'Committee for Human Rights in North Korea',
    nameKo: '북한인권위원회',
    tagline: 'Research since 2001',
    taglineKo: '2001년부터의 연구',
    footer: 'Washington, DC',
    footerKo: '워싱턴 DC',
    navigation: 'Reports | 보고서 | /reports/\r\nAbout |  | /about/\r\n',
  };

  beforeAll(async () => {
    const office = await backOfficeAs(db(), 'admin', 'editor');
    ({ ctx, app, admin, editor } = office);
    adminId = office.accounts.admin.userId;
  }, 60_000);

  it('saves the site identity and menu, which the public site shows in both languages', async () => {
    await ctx.repos.settings.set(
      'site',
      { name: 'Old', logoPath: '/assets/logo.svg' },
      ctx.clock.now().toISOString(),
    );
    const res = await admin.submit('/admin/settings', '/admin/settings/site', site);
    expect(res.status).toBe(303);
    expect(await ctx.repos.settings.get('site')).toEqual({
      name: site.name,
      nameKo: site.nameKo,
      tagline: site.tagline,
      taglineKo: site.taglineKo,
      footer: site.footer,
      footerKo: site.footerKo,
      logoPath: '/assets/logo.svg',
      navigation: [
        { label: 'Reports', labelKo: '보고서', path: '/reports/' },
        { label: 'About', labelKo: null, path: '/about/' },
      ],
    });
    const home = await (await app.request('http://localhost/')).text();
    expect(home).toContain(site.name);
    expect(home).toContain('href="/about/"');
    const korean = await (await app.request('http://localhost/ko/')).text();
    expect(korean).toMatch(/href="\/ko\/reports\/"[^>]*>보고서<\/a>/);
    expect(korean).toContain(site.nameKo);
    const [event] = await ctx.repos.audit.list({ action: 'settings.update' });
    expect(event).toMatchObject({ actorUserId: adminId, subjectId: 'site' });
    const form = await (await admin.request('/admin/settings?saved=site')).text();
    expect(form).toContain('The site settings were saved.');
    expect(fieldValue(form, 'navigation')).toBe('Reports | 보고서 | /reports/\nAbout |  | /about/');
  });

  it('goes back to the sections menu when the menu box is emptied', async () => {
    expect(
      (await admin.submit('/admin/settings', '/admin/settings/site', { ...site, navigation: '' }))
        .status,
    ).toBe(303);
    expect(await ctx.repos.settings.get('site')).not.toHaveProperty('navigation');
  });

  it('shows a wrong menu line and an empty name beside their fields, keeping what was typed (422)', async () => {
    const before = await ctx.repos.settings.get('site');
    const page = await sentBack(
      admin.submit('/admin/settings', '/admin/settings/site', {
        ...site,
        name: '',
        navigation: 'Reports | 보고서 | /reports/\nElsewhere | https://evil.example/',
      }),
    );
    expect(page).toContain('Line 2: the path must be on this site');
    expect(fieldValue(page, 'navigation')).toBe(
      'Reports | 보고서 | /reports/\nElsewhere | https://evil.example/',
    );
    expect(fieldValue(page, 'nameKo')).toBe(site.nameKo);
    const unnamed = await admin.submit('/admin/settings', '/admin/settings/site', {
      ...site,
      name: '  ',
    });
    expect(await sentBack(unnamed)).toContain('Required');
    expect(await ctx.repos.settings.get('site')).toEqual(before);
  });

  it('saves the sign-in rules, refusing limits that make no sense', async () => {
    const res = await admin.submit('/admin/settings', '/admin/settings/security', {
      idleTimeoutMinutes: '15',
      absoluteTimeoutHours: '8',
    });
    expect(res.status).toBe(303);
    expect(await securitySettings(ctx.repos)).toEqual({
      idleTimeoutMinutes: 15,
      absoluteTimeoutHours: 8,
      requirePasskeys: false,
    });
    expect((await ctx.repos.audit.list({ action: 'settings.update' }))[0]?.subjectId).toBe(
      'security',
    );

    const page = await sentBack(
      admin.submit('/admin/settings', '/admin/settings/security', {
        idleTimeoutMinutes: '600',
        absoluteTimeoutHours: '2',
      }),
    );
    expect(page).toContain('The idle limit cannot be longer than the session itself');
    expect(fieldValue(page, 'idleTimeoutMinutes')).toBe('600');
    const empty = await admin.submit('/admin/settings', '/admin/settings/security', {
      idleTimeoutMinutes: '',
      absoluteTimeoutHours: '8',
    });
    expect(empty.status).toBe(422);
    expect((await securitySettings(ctx.repos)).idleTimeoutMinutes).toBe(15);
  });

  it('refuses to require passkeys from an admin who has none', async () => {
    const res = await admin.submit('/admin/settings', '/admin/settings/security', {
      idleTimeoutMinutes: '30',
      absoluteTimeoutHours: '12',
      requirePasskeys: '1',
    });
    expect(await sentBack(res)).toContain('Add a passkey to your own account first');
    expect((await securitySettings(ctx.repos)).requirePasskeys).toBe(false);
  });

  it('is for admins only', async () => {
    expect((await editor.request('/admin/settings')).status).toBe(403);
    expect((await editor.submit('/admin', '/admin/settings/site', site)).status).toBe(403);
    expect(
      (
        await editor.submit('/admin', '/admin/settings/security', {
          idleTimeoutMinutes: '5',
          absoluteTimeoutHours: '1',
        })
      ).status,
    ).toBe(403);
  });
});
