import type { AuditEvent, User } from '../../core/entities.ts';
import { AdminLayout, type AdminPageContext, Field } from '../../ui/admin/admin-layout.tsx';
import { SelectField } from '../entities/views/entity-form-frame.tsx';

export interface AuditPageFilter {
  action: string;
  user: string;
  from: string;
  to: string;
}

/** The append-only audit trail: read and exported here, never edited or deleted anywhere. */
export function AuditPage(props: {
  ctx: AdminPageContext;
  events: AuditEvent[];
  actions: string[];
  users: User[];
  filter: AuditPageFilter;
  errors: Record<string, string>;
  query: string;
  nextPage: string | null;
}) {
  const { filter: f, errors } = props;
  return (
    <AdminLayout ctx={props.ctx} title="Audit trail">
      <h1>Audit trail</h1>
      <form method="get" action="/admin/audit">
        <Field
          label="Action"
          name="action"
          value={f.action}
          error={errors.action}
          hint={`An action or a family: “user” finds user.create, user.role… Known: ${props.actions.join(', ')}`}
        />
        <SelectField
          label="By"
          name="user"
          value={f.user}
          error={errors.user}
          empty="anyone"
          options={props.users.map((u) => ({
            value: String(u.id),
            label: `${u.displayName} <${u.email}>`,
          }))}
        />
        <Field label="From (UTC day)" name="from" type="date" value={f.from} error={errors.from} />
        <Field
          label="To (UTC day, included)"
          name="to"
          type="date"
          value={f.to}
          error={errors.to}
        />
        <button type="submit">Filter</button>
      </form>
      <p>
        Export what this filter finds: <a href={`/admin/audit.csv${props.query}`}>CSV</a> ·{' '}
        <a href={`/admin/audit.jsonl${props.query}`}>JSON lines</a>
      </p>
      {props.events.length === 0 ? (
        <p>No events match.</p>
      ) : (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Subject</th>
              <th scope="col">Detail</th>
              <th scope="col">IP</th>
            </tr>
          </thead>
          <tbody>
            {props.events.map((e) => (
              <tr>
                <td>{e.at.replace('T', ' ').slice(0, 19)}</td>
                <td>{e.actorLabel ?? ''}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>{e.subjectType ? `${e.subjectType} ${e.subjectId ?? ''}` : ''}</td>
                <td>{e.detail ? <code>{JSON.stringify(e.detail)}</code> : ''}</td>
                <td>{e.ip ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.nextPage ? (
        <p>
          <a href={props.nextPage}>Older events</a>
        </p>
      ) : null}
    </AdminLayout>
  );
}
