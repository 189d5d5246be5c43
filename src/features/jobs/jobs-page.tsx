import type { Job, JobStatus } from '../../core/repositories/jobs-repository.ts';
import { AdminLayout, type AdminPageContext } from '../../ui/admin/admin-layout.tsx';
import { fileStateLabel } from '../../ui/admin/labels.ts';
import { Flash } from '../../ui/admin/notices.tsx';
import { ListTable } from '../../ui/components/list-table.tsx';

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
      <Flash message={props.message} />
      <Flash message={props.error} error />
      <ListTable
        items={props.jobs}
        columns={['Job', 'Kind', 'Status', 'Attempts', 'When (UTC)', 'Last error']}
        empty={`No jobs${props.status ? ` ${props.status}` : ''}.`}
        row={(j) => (
          <tr>
            <td>{j.id}</td>
            <td>{j.kind}</td>
            <td>
              <span class={`status status-${j.status}`}>{fileStateLabel(j.status)}</span>
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
        )}
      />
    </AdminLayout>
  );
}
