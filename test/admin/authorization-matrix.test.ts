import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import type { UserRole } from '../../src/core/content-types.ts';
import { can } from '../../src/core/permissions.ts';
import { adminRouteTable } from '../../src/web/admin/admin-app.ts';
import type { createApp } from '../../src/web/app.tsx';
import { Browserish } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication } from '../support/factories.ts';
import { backOfficeAs } from './back-office-support.ts';

/**
 * Every back-office route × {anonymous, contributor, editor, admin}, generated from the route
 * table itself: a new route cannot escape the check.
 */
describeEachDatabase('the back office authorization matrix', (db) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;
  const browsers = new Map<UserRole, Browserish>();
  let publicationId = 0;

  beforeAll(async () => {
    const office = await backOfficeAs(db(), 'contributor', 'editor', 'admin');
    ({ ctx, app } = office);
    publicationId = (await buildPublication(ctx, { status: 'draft' })).id;
    for (const role of ['contributor', 'editor', 'admin'] as const)
      browsers.set(role, office[role]);
  }, 60_000);

  const concrete = (path: string) =>
    path
      .replace(':id', String(publicationId))
      .replace(':token', 'not-a-real-token')
      .replace(':version', '1')
      .replace(/:[a-zA-Z]+/g, '1');

  it('covers every route of the table', () => {
    expect(adminRouteTable(ctx).length).toBeGreaterThan(15);
  });

  it('sends anonymous visitors to sign in, on every route that needs a session', async () => {
    for (const route of adminRouteTable(ctx).filter((r) => r.action !== 'signed-out')) {
      const b = new Browserish(app, ctx.config.publicUrl);
      const res =
        route.method === 'GET'
          ? await b.request(concrete(route.path))
          : await b.submit('/admin/sign-in', concrete(route.path), {});
      expect(res.status, `${route.method} ${route.path}`).toBe(route.method === 'GET' ? 303 : 401);
    }
  });

  for (const role of ['contributor', 'editor', 'admin'] as const) {
    it(`gives a ${role} exactly what the role allows`, async () => {
      const b = browsers.get(role)!;
      const page = await (await b.request('/admin')).text();
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
      for (const route of adminRouteTable(ctx).filter(
        (r) => r.action !== 'signed-out' && r.action !== 'signed-in',
      )) {
        // Signing out would end this browser's session for the routes after it.
        if (route.path === '/admin/sign-out') continue;
        const res =
          route.method === 'GET'
            ? await b.request(concrete(route.path))
            : await b.request(concrete(route.path), {
                method: 'POST',
                body: new URLSearchParams({ _csrf: csrf }),
                headers: {
                  'Content-Type': 'application/x-www-form-urlencoded',
                  'X-CSRF-Token': csrf,
                },
              });
        const label = `${role} ${route.method} ${route.path} → ${res.status}`;
        const allowed = can({ id: 0, role }, route.action as never);
        if (!allowed) expect(res.status, label).toBe(403);
        else if (!(role === 'contributor' && route.path.includes(':id')))
          expect([401, 403], label).not.toContain(res.status);
        expect(res.status, label).toBeLessThan(500);
      }
    }, 60_000);
  }
});
