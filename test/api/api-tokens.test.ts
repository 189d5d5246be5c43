import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { hashToken } from '../../src/core/secret-tokens.ts';
import { changeStaffRole } from '../../src/features/accounts/staff-accounts.ts';
import { apiApp } from '../../src/features/api/routes/api-app.ts';
import type { createApp } from '../../src/web/app.tsx';
import { backOfficeAs, sentBack } from '../admin/back-office-support.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import type { Browserish } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { unique } from '../support/factories.ts';
import { ApiClient, tokenFor } from './api-client.ts';

describeEachDatabase('API tokens and limits', (db) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;
  let api: ApiClient;
  let admin: Browserish;
  let editor: Browserish;
  let editorId: number;
  let tick: (seconds: number) => void;

  beforeAll(async () => {
    const office = await backOfficeAs(db(), 'admin', 'editor');
    ({ ctx, app, tick, admin, editor } = office);
    editorId = office.accounts.editor.userId;
    api = await ApiClient.open(app);
  }, 60_000);

  it('lets an admin make a token in the back office, shown once and stored only as a hash', async () => {
    const name = unique('Partner mirror');
    const res = await admin.submit('/admin/tokens', '/admin/tokens', {
      name,
      userId: String(editorId),
      scopes: ['read-drafts', 'write'],
    });
    expect(res.status).toBe(200);
    const page = await res.text();
    const secret = /(dsr_[A-Za-z0-9_-]{43})/.exec(page)?.[1];
    expect(secret).toBeDefined();
    const row = (await ctx.repos.apiTokens.list()).find((t) => t.name === name)!;
    expect(row).toMatchObject({ userId: editorId, scopes: 'read-drafts write', revokedAt: null });
    const stored = await ctx.repos.apiTokens.findById(row.id);
    expect(stored?.tokenHash).toBe(hashToken(secret!));
    expect(JSON.stringify(stored)).not.toContain(secret);
    // Shown once: the list never shows it again.
    expect(await (await admin.request('/admin/tokens')).text()).not.toContain(secret);
    const [event] = await ctx.repos.audit.list({ action: 'api-token.create' });
    expect(event).toMatchObject({ subjectId: String(row.id), detail: { name } });

    const used = await api.request('GET', '/api/v1/publications?status=draft', { token: secret });
    expect(used.status).toBe(200);
    expect((await ctx.repos.apiTokens.findById(row.id))?.lastUsedAt).not.toBeNull();

    const revoked = await admin.submit('/admin/tokens', `/admin/tokens/${row.id}/revoke`, {});
    expect(revoked.status).toBe(303);
    expect((await api.request('GET', '/api/v1/sections', { token: secret })).status).toBe(401);
    expect((await ctx.repos.audit.list({ action: 'api-token.revoke' }))[0]?.subjectId).toBe(
      String(row.id),
    );
  });

  it('keeps the token screens to admins', async () => {
    expect((await editor.request('/admin/tokens')).status).toBe(403);
    const page = await (await editor.request('/admin')).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const res = await editor.request('/admin/tokens', {
      method: 'POST',
      body: new URLSearchParams({
        _csrf: csrf,
        name: 'x',
        userId: String(editorId),
        scopes: 'write',
      }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(403);
  });

  it('refuses a token without a name or for an unknown account, keeping what was typed', async () => {
    const page = await sentBack(
      admin.submit('/admin/tokens', '/admin/tokens', {
        name: '',
        userId: '999999',
        scopes: 'write',
      }),
    );
    expect(page).toContain('Name the token after what will use it');
  });

  it("bounds a token by its account's role today: a demoted editor's token stops publishing", async () => {
    const t = await tokenFor(ctx, 'editor', ['write', 'publish']);
    const ok = await api.request('POST', '/api/v1/topics', {
      token: t.token,
      json: { slug: unique('topic'), name: 'Before' },
    });
    expect(ok.status).toBe(201);
    await changeStaffRole(ctx, t.userId, 'contributor', SYSTEM_ACTOR);
    const after = await api.request('POST', '/api/v1/topics', {
      token: t.token,
      json: { slug: unique('topic'), name: 'After' },
    });
    expect(after.status).toBe(403);
  });

  it('revokes an account’s tokens when it is disabled, so re-enabling it does not bring them back', async () => {
    const t = await tokenFor(ctx, 'editor', ['read-drafts']);
    const path = '/api/v1/publications?status=draft';
    expect((await api.request('GET', path, { token: t.token })).status).toBe(200);

    expect(
      (await admin.submit('/admin/users', `/admin/users/${t.userId}/disable`, {})).status,
    ).toBe(303);
    expect((await api.request('GET', path, { token: t.token })).status).toBe(401);
    expect((await admin.submit('/admin/users', `/admin/users/${t.userId}/enable`, {})).status).toBe(
      303,
    );

    expect((await api.request('GET', path, { token: t.token })).status).toBe(401);
    expect((await ctx.repos.apiTokens.findById(t.tokenId))?.revokedAt).not.toBeNull();
    const [disabled] = await ctx.repos.audit.list({ action: 'user.disable' });
    expect(disabled).toMatchObject({
      subjectId: String(t.userId),
      detail: { apiTokensRevoked: 1 },
    });
  });

  it('limits requests per address and per token with 429 and Retry-After', async () => {
    const limited = await ApiClient.open(
      apiApp(ctx, {
        limits: {
          address: { limit: 5, windowMs: 60_000 },
          token: { limit: 3, windowMs: 60_000 },
        },
      }),
    );
    // The document itself was the first request from this address.
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await limited.request('GET', '/api/v1/sections')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const over = await limited.request<{ retryAfter: number }>('GET', '/api/v1/sections');
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(over.body.retryAfter).toBe(Number(over.headers.get('Retry-After')));
    tick(61);
    expect((await limited.request('GET', '/api/v1/sections')).status).toBe(200);

    const t = await tokenFor(ctx, 'editor', []);
    tick(61);
    const byToken: number[] = [];
    for (let i = 0; i < 4; i++) {
      byToken.push((await limited.request('GET', '/api/v1/sections', { token: t.token })).status);
    }
    expect(byToken).toEqual([200, 200, 200, 429]);
  });
});
