import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import type { Browserish } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { unique } from '../support/factories.ts';
import { backOfficeAs, sentBack } from './back-office-support.ts';

describeEachDatabase('background jobs in the back office', (db) => {
  let ctx: AppContext;
  let editor: Browserish;
  let contributor: Browserish;

  /** A job that ran out of attempts, the way the runner leaves one. */
  const failedJob = async (error: string) => {
    const kind = unique('test.kind');
    const now = ctx.clock.now().toISOString();
    const id = await ctx.repos.jobs.enqueue({ kind, payload: {}, maxAttempts: 1 }, now);
    const leased = await ctx.repos.jobs.lease(
      'test-worker',
      now,
      new Date(Date.parse(now) + 60_000).toISOString(),
      [kind],
    );
    expect(leased?.id).toBe(id);
    expect(await ctx.repos.jobs.fail(id, 'test-worker', error, now)).toBe(true);
    return id;
  };

  beforeAll(async () => {
    ({ ctx, editor, contributor } = await backOfficeAs(db(), 'editor', 'contributor'));
  }, 60_000);

  it('lists recent jobs with status, attempts and the last error, and retries a failed one', async () => {
    const id = await failedJob('The PDF is encrypted <and> cannot be read');
    const page = await (await editor.request('/admin/jobs?status=failed')).text();
    expect(page).toContain('The PDF is encrypted &lt;and&gt; cannot be read');
    expect(page).toContain('1/1');
    expect(page).toContain(`/admin/jobs/${id}/retry`);

    const res = await editor.submit('/admin/jobs', `/admin/jobs/${id}/retry`, {});
    expect(res.status).toBe(303);
    expect(await ctx.repos.jobs.find(id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect((await ctx.repos.audit.list({ action: 'job.retry' }))[0]?.subjectId).toBe(String(id));
    const after = await (await editor.request(res.headers.get('location')!)).text();
    expect(after).toContain(`Job ${id} is queued again.`);
    expect(after).not.toContain(`/admin/jobs/${id}/retry`);
  });

  it('refuses to retry a job that is still queued, saying why (422)', async () => {
    const id = await ctx.repos.jobs.enqueue(
      { kind: unique('test.kind'), payload: {} },
      ctx.clock.now().toISOString(),
    );
    const res = await editor.submit('/admin/jobs', `/admin/jobs/${id}/retry`, {});
    expect(await sentBack(res)).toContain('only a failed or done job can be retried');
    expect((await editor.submit('/admin/jobs', '/admin/jobs/999999/retry', {})).status).toBe(404);
  });

  it('is not for contributors', async () => {
    const id = await failedJob('disk full');
    expect((await contributor.request('/admin/jobs')).status).toBe(403);
    expect((await contributor.submit('/admin', `/admin/jobs/${id}/retry`, {})).status).toBe(403);
    expect((await ctx.repos.jobs.find(id))?.status).toBe('failed');
  });
});
