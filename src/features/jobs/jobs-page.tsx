import type { Job, JobStatus } from '../../infra/db/repos/jobs.repo.ts';
import { AdminLayout, type AdminPageContext } from '../../ui/admin/admin-layout.tsx';

const STATUSES: JobStatus[] = ['queued', 'running', 'done', 'failed'];

const when = (j: Job) => {
  const at =
    j.status === 'running'
      ? j.leaseExpiresAt
      : j.status === 'queued'
        ? j.runAfter
        : (j.finishedAt ?? j.updatedAt);
  const prefix = j.status === 'running' ? 'lease until ' : j.status === 'queued' ? 'after ' : '';
  return at ? `${prefix}${at.slice(0, 16).replace('T', ' ')}` : '';
};

/** Background work (PDF text, image sizes, fixity checks): what ran, what failed and why. */
export function JobsPage(props: {
  ctx: AdminPageContext;
  jobs: Job[];
  counts: Record<JobStatus, number>;
  status: string;
  message?: string;
  error?: string;
}) {
  const { ctx } = props;
  return (
    <AdminLayout ctx={ctx} title="Jobs">
      <h1>Jobs</h1>
      <p>
        {STATUSES.map((s, i) => (
          <>
            {i > 0 ? ' · ' : ''}
            <a href={`/admin/jobs?status=${s}`}>
              {props.counts[s]} {s}
            </a>
          </>
        ))}{' '}
        · <a href="/admin/jobs">all</a>
      </p>
      {props.message ? (
        <p class="flash" role="status">
          {props.message}
        </p>
      ) : null}
      {props.error ? (
        <p class="flash error" role="alert">
          {props.error}
        </p>
      ) : null}
      {props.jobs.length === 0 ? (
        <p>No jobs{props.status ? ` ${props.status}` : ''}.</p>
      ) : (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">Kind</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">When (UTC)</th>
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            {props.jobs.map((j) => (
              <tr>
                <td>{j.id}</td>
                <td>{j.kind}</td>
                <td>
                  <span class={`status status-${j.status}`}>{j.status}</span>
                </td>
                <td>
                  {j.attempts}/{j.maxAttempts}
                </td>
                <td>{when(j)}</td>
                <td>
                  {j.lastError ? (
                    <span class={j.status === 'failed' ? 'error' : undefined}>{j.lastError}</span>
                  ) : (
                    ''
                  )}
                  {j.status === 'failed' ? (
                    <form method="post" action={`/admin/jobs/${j.id}/retry`} class="inline">
                      <input type="hidden" name="_csrf" value={ctx.csrfToken} />{' '}
                      <button type="submit">Retry</button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}
