import type { AppContext } from '../../context.ts';
import { ValidationError } from '../../core/errors.ts';
import type { JobStatus } from '../../infra/db/repos/jobs.repo.ts';
import { jobHandlers } from '../../infra/jobs/job-runners.ts';
import { adminPageContext, renderAdmin } from '../../web/admin/admin-page.ts';
import type { AdminContext, AdminRoute } from '../../web/admin/route-table.ts';
import { actorOf, domainErrorAnswer, idOf } from '../../web/admin/staff-request.ts';
import { JobsPage } from './jobs-page.tsx';
import { retryJob } from './retry-job.ts';

const STATUSES: readonly JobStatus[] = ['queued', 'running', 'done', 'failed'];

/**
 * Recent background jobs, and a retry for failed ones. Retrying needs no more than reading the
 * list ('jobs.read' is the only jobs permission): it queues work that was already asked for.
 */
export function jobRoutes(app: AppContext): AdminRoute[] {
  const page = async (c: AdminContext, error?: string) => {
    const status = STATUSES.find((s) => s === c.req.query('status'));
    const retried = idOf(c.req.query('retried'));
    return renderAdmin(
      c,
      <JobsPage
        ctx={await adminPageContext(app, c)}
        jobs={await app.repos.jobs.list({ status, limit: 100 })}
        counts={await app.repos.jobs.countByStatus()}
        status={status ?? ''}
        message={retried ? `Job ${retried} is queued again.` : undefined}
        error={error}
      />,
      error ? 422 : 200,
    );
  };

  return [
    { method: 'GET', path: '/admin/jobs', action: 'jobs.read', handler: (c) => page(c) },
    {
      method: 'POST',
      path: '/admin/jobs/:id/retry',
      action: 'jobs.read',
      handler: async (c) => {
        const id = idOf(c.req.param('id'));
        if (id === null) return c.text('No such job', 404);
        try {
          await retryJob(app, jobHandlers(app), id, actorOf(c));
          return c.redirect(`/admin/jobs?retried=${id}`, 303);
        } catch (error) {
          if (error instanceof ValidationError) return page(c, error.message);
          return domainErrorAnswer(c, error);
        }
      },
    },
  ];
}
