import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeNext } from '../../src/features/accounts/routes/safe-next.ts';
import { createApp } from '../../src/web/app.tsx';
import { Browserish, makeStaff, PASSWORD } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { testContext } from '../support/factories.ts';
import { totpCodeAt } from '../support/totp.ts';

const ORIGIN = 'https://archive.example.org';

describe('where sign-in may lead', () => {
  it('never leaves the back office, whatever ?next= says', () => {
    const hostile = fc.constantFrom(
      'https://elsewhere.example/',
      '//elsewhere.example/admin',
      '/\\elsewhere.example',
      '/admin/..//elsewhere.example',
      '/admin/../../x',
      '/admin//elsewhere.example',
      '/admin@elsewhere.example',
      '/admin/%2F%2Felsewhere.example',
      'javascript:alert(1)',
      '/admin/x?next=//elsewhere.example',
      ' /admin',
    );
    const pathLike = fc
      .array(fc.constantFrom('admin', '..', '.', '', 'x', '%2e', '\\', '@h', ':', '?q', '#f'), {
        maxLength: 6,
      })
      .map((parts) => `/${parts.join('/')}`);
    fc.assert(
      fc.property(fc.oneof(hostile, pathLike, fc.string(), fc.webUrl()), (next) => {
        const to = new URL(safeNext(next), ORIGIN);
        expect(to.origin).toBe(ORIGIN);
        expect(to.pathname === '/admin' || to.pathname.startsWith('/admin/')).toBe(true);
        expect(to.search + to.hash).toBe('');
      }),
    );
    expect(safeNext('/admin/publications/12')).toBe('/admin/publications/12');
    expect(safeNext('/admin/publications/new')).toBe('/admin/publications/new');
  });
});

describeEachDatabase('signing in with ?next=', (db) => {
  it('returns to a back-office page, and refuses any other', async () => {
    const ctx = await testContext(db(), { now: () => new Date() });
    const app = createApp(ctx);
    const staff = await makeStaff(ctx, 'editor');
    const signIn = async (next: string, code: string) => {
      const as = new Browserish(app, ORIGIN);
      const query = `?next=${encodeURIComponent(next)}`;
      const page = await (await as.request(`/admin/sign-in${query}`)).text();
      return {
        page,
        answer: await as.submit(`/admin/sign-in${query}`, `/admin/sign-in${query}`, {
          email: staff.email,
          password: PASSWORD,
          code,
        }),
      };
    };
    const back = await signIn('/admin/publications/12', totpCodeAt(staff.totpSecret, new Date()));
    expect(back.page).toContain('action="/admin/sign-in?next=%2Fadmin%2Fpublications%2F12"');
    expect(back.answer.status).toBe(303);
    expect(back.answer.headers.get('Location')).toBe('/admin/publications/12');

    const away = await signIn('https://elsewhere.example/admin', staff.recoveryCodes[0]!);
    expect(away.page).toContain('action="/admin/sign-in"');
    expect(away.answer.headers.get('Location')).toBe('/admin');
  });
});
