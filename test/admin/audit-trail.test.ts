import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { adminRouteTable } from '../../src/web/admin/admin-app.ts';
import type { Browserish } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { backOfficeAs, sentBack } from './back-office-support.ts';

describeEachDatabase('the audit trail in the back office', (db) => {
  let ctx: AppContext;
  let admin: Browserish;
  let adminId: number;
  let editor: Browserish;
  const event = (
    at: string,
    action: string,
    actorLabel: string,
    detail: Record<string, unknown> | null = null,
  ) =>
    ctx.repos.audit.append({
      at,
      actorUserId: null,
      actorLabel,
      action,
      subjectType: 'test',
      subjectId: '1',
      detail,
      ip: '127.0.0.1',
    });

  beforeAll(async () => {
    const office = await backOfficeAs(db(), 'admin', 'editor');
    ({ ctx, admin, editor } = office);
    adminId = office.accounts.admin.userId;
    await event('2026-03-01T09:00:00.000Z', 'export.test.march', 'march tester');
    await event(
      '2026-04-15T09:00:00.000Z',
      'export.test.april',
      '=HYPERLINK("http://evil.example","click")',
      { note: '+1 "quoted", comma' },
    );
    await event('2026-05-20T09:00:00.000Z', 'export.test.may', '@SUM(A1:A9)');
  }, 60_000);

  it('filters by action family, user and a range of days', async () => {
    const family = await (await admin.request('/admin/audit?action=export.test')).text();
    // Actions are listed in the filter's hint too: look at the table's cells.
    const cell = (action: string) => `<code>${action}</code>`;
    expect(family).toContain(cell('export.test.march'));
    expect(family).toContain(cell('export.test.may'));
    expect(family).not.toContain(cell('auth.sign-in'));

    const april = await (
      await admin.request('/admin/audit?action=export.test&from=2026-04-01&to=2026-04-30')
    ).text();
    expect(april).toContain(cell('export.test.april'));
    expect(april).not.toContain(cell('export.test.march'));
    expect(april).not.toContain(cell('export.test.may'));

    const mine = await (await admin.request(`/admin/audit?user=${adminId}&action=auth`)).text();
    expect(mine).toContain(cell('auth.sign-in'));
    expect(mine).not.toContain(cell('export.test.may'));
  });

  it('shows a wrong filter beside its field, keeping what was typed (422)', async () => {
    const res = await admin.request('/admin/audit?action=export.test&from=2026-13-45');
    const page = await sentBack(res);
    expect(page).toContain('A day, like 2026-05-31');
    expect(page).toContain('value="2026-13-45"');
    expect(page).toContain('value="export.test"');
  });

  it('exports CSV with every cell quoted and formulas defused', async () => {
    const res = await admin.request('/admin/audit.csv?action=export.test');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      '"id","at","actor_user_id","actor_label","action","subject_type","subject_id","detail","ip"',
    );
    expect(lines).toHaveLength(5);
    // Newest first, as on the page: May, April, March.
    expect(lines[1]).toContain('"\'@SUM(A1:A9)","export.test.may"');
    expect(lines[2]).toContain('"\'=HYPERLINK(""http://evil.example"",""click"")"');
    expect(lines[2]).toContain('"{""note"":""+1 \\""quoted\\"", comma""}"');
    expect(lines[3]).toContain('"march tester","export.test.march"');
    expect(lines[4]).toBe('');
  });

  it('exports JSON lines that read back to the events', async () => {
    const res = await admin.request('/admin/audit.jsonl?action=export.test&to=2026-04-30');
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const rows = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.action)).toEqual(['export.test.april', 'export.test.march']);
    expect(rows[0]).toMatchObject({
      actor_label: '=HYPERLINK("http://evil.example","click")',
      detail: { note: '+1 "quoted", comma' },
    });
  });

  it('records each export, and offers no way to change the trail', async () => {
    await admin.request('/admin/audit.csv?action=export.test');
    const [exported] = await ctx.repos.audit.list({ action: 'audit.export' });
    expect(exported).toMatchObject({
      actorUserId: adminId,
      detail: { format: 'csv', filter: { actionFamily: 'export.test' } },
    });
    const writing = adminRouteTable(ctx).filter(
      (r) => r.method === 'POST' && (r.action === 'audit.read' || r.path.includes('/audit')),
    );
    expect(writing).toEqual([]);
    expect((await admin.submit('/admin/audit', '/admin/audit', {})).status).toBe(404);
  });

  it('is for admins only', async () => {
    expect((await editor.request('/admin/audit')).status).toBe(403);
    expect((await editor.request('/admin/audit.csv')).status).toBe(403);
    expect((await editor.request('/admin/audit.jsonl')).status).toBe(403);
  });
});
