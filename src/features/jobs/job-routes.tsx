import type { AppContext } from '../../core/app-context.ts';
import type { JobStatus } from '../../core/repositories/jobs-repository.ts';
import {
  type AdminContext,
  type AdminRoute,
  actOnRecord,
  actorOf,
  adminPageContext,
  idOf,
  renderAdmin,
} from '../accounts/index.ts';
import { jobHandlers } from '../publishing/index.ts';
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
      handler: actOnRecord(
        'job',
        (c, id) => retryJob(app, jobHandlers(app), id, actorOf(c)),
        (id) => `/admin/jobs?retried=${id}`,
        (c, error) => page(c, error.message),
      ),
    },
  ];
}
