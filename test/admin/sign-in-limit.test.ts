import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import type { createApp } from '../../src/web/app.tsx';
import { Browserish, makeStaff } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { backOffice } from './back-office-support.ts';

describeEachDatabase('the sign-in limit under concurrent attempts', (db) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    ({ ctx, app } = await backOffice(db()));
  });

  it('checks no more passwords than the limit allows when 25 wrong ones arrive at once', async () => {
    const account = await makeStaff(ctx, 'editor');
    const b = new Browserish(app, ctx.config.publicUrl);
    const page = await (await b.request('/admin/sign-in')).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const attempt = () =>
      b.request('/admin/sign-in', {
        method: 'POST',
        body: new URLSearchParams({
          _csrf: csrf,
          email: account.email,
          password: 'not the password at all',
          code: '123456',
        }),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });

    const statuses = (await Promise.all(Array.from({ length: 25 }, attempt))).map((r) => r.status);

    // Four failures are free and the fifth starts the wait: five are checked, twenty refused.
    expect(statuses.filter((s) => s === 403)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    const checked = await ctx.repos.audit.list({ action: 'auth.sign-in.failed' });
    expect(checked.filter((e) => e.actorUserId === account.userId)).toHaveLength(5);
  });
});
