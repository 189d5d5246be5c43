import type { AuditEvent, User } from '../../core/entities.ts';
import { AdminLayout, type AdminPageContext } from '../../ui/admin/admin-layout.tsx';
import { Field, fieldBinder, SelectField } from '../../ui/admin/form-fields.tsx';
import { ListTable } from '../../ui/components/list-table.tsx';

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
  const bound = fieldBinder(f, errors);
  return (
    <AdminLayout ctx={props.ctx} title="Audit trail">
      <h1>Audit trail</h1>
      <form method="get" action="/admin/audit">
        <Field
          {...bound('action')}
          label="Action"
          hint={`An action or a family: “user” finds user.create, user.role… Known: ${props.actions.join(', ')}`}
        />
        <SelectField
          {...bound('user')}
          label="By"
          empty="anyone"
          options={props.users.map((u) => ({
            value: String(u.id),
            label: `${u.displayName} <${u.email}>`,
          }))}
        />
        <Field {...bound('from')} label="From (UTC day)" type="date" />
        <Field {...bound('to')} label="To (UTC day, included)" type="date" />
        <button type="submit">Filter</button>
      </form>
      <p>
        Export what this filter finds: <a href={`/admin/audit.csv${props.query}`}>CSV</a> ·{' '}
        <a href={`/admin/audit.jsonl${props.query}`}>JSON lines</a>
      </p>
      <ListTable
        items={props.events}
        columns={['When (UTC)', 'Who', 'Action', 'Subject', 'Detail', 'IP']}
        empty="No events match."
        row={(e) => (
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
        )}
      />
      {props.nextPage ? (
        <p>
          <a href={props.nextPage}>Older events</a>
        </p>
      ) : null}
    </AdminLayout>
  );
}
