import { USER_ROLES } from '../../../core/content-types.ts';
import { AdminLayout, type AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import { Field, fieldBinder, Options, SelectField } from '../../../ui/admin/form-fields.tsx';
import { staffRoleLabel } from '../../../ui/admin/labels.ts';
import { Flash } from '../../../ui/admin/notices.tsx';
import { PostButton } from '../../../ui/admin/post-button.tsx';
import { ListTable } from '../../../ui/components/list-table.tsx';
import type { StaffMember } from '../staff-accounts.ts';

const ROLE_CHOICES = USER_ROLES.map((r) => ({ value: r, label: staffRoleLabel(r) }));

export interface NewUserValues {
  email: string;
  displayName: string;
  role: string;
}

/** A one-time set-up link, shown once: it is not stored anywhere it could be read again. */
export interface IssuedLink {
  email: string;
  url: string;
  expiresAt: string;
}

export function UsersPage(props: {
  ctx: AdminPageContext;
  staff: StaffMember[];
  values: NewUserValues;
  errors: Record<string, string>;
  issued?: IssuedLink;
  message?: string;
}) {
  const { ctx, values: v, errors } = props;
  const bound = fieldBinder(v, errors);
  return (
    <AdminLayout ctx={ctx} title="Users">
      <h1>Users</h1>
      <Flash message={props.message} error={Boolean(errors.user)} />
      {props.issued ? (
        <div class="flash" role="status">
          <p>
            Set-up link for <strong>{props.issued.email}</strong>, valid until{' '}
            {props.issued.expiresAt.slice(0, 16).replace('T', ' ')} UTC. It is shown only this once:
            send it to them through a channel you trust. It works once.
          </p>
          <p>
            <code class="setup-link">{props.issued.url}</code>
          </p>
        </div>
      ) : null}
      <ListTable
        items={props.staff}
        columns={['Name', 'Role', 'Passkeys', 'Signed in', 'Account']}
        row={(u) => {
          const self = ctx.user?.id === u.id;
          return (
            <tr>
              <td>
                {u.displayName}
                <br />
                <span class="quiet">{u.email}</span>
              </td>
              <td>
                {self ? (
                  u.role
                ) : (
                  <form method="post" action={`/admin/users/${u.id}/role`} class="inline">
                    <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                    <select name="role" aria-label={`Role of ${u.email}`}>
                      <Options choices={ROLE_CHOICES} selected={u.role} />
                    </select>{' '}
                    <button type="submit">Change</button>
                  </form>
                )}
              </td>
              <td>{u.passkeys}</td>
              <td>
                {u.activeSessions} {u.activeSessions === 1 ? 'session' : 'sessions'}
                {u.activeSessions > 0 ? (
                  <>
                    {' '}
                    <PostButton
                      ctx={ctx}
                      action={`/admin/users/${u.id}/revoke-sessions`}
                      label="Sign out everywhere"
                    />
                  </>
                ) : null}
              </td>
              <td>
                {u.disabled ? <strong>disabled</strong> : 'active'}{' '}
                {self ? null : u.disabled ? (
                  <PostButton ctx={ctx} action={`/admin/users/${u.id}/enable`} label="Enable" />
                ) : (
                  <PostButton
                    ctx={ctx}
                    action={`/admin/users/${u.id}/disable`}
                    label="Disable"
                    danger
                  />
                )}{' '}
                <PostButton
                  ctx={ctx}
                  action={`/admin/users/${u.id}/setup-link`}
                  label="New set-up link"
                />
              </td>
            </tr>
          );
        }}
      />
      <h2>Add a user</h2>
      <p class="hint">
        They get a one-time set-up link to choose a passkey, or a password with an authenticator
        app. Nobody ever sends a password.
      </p>
      <form method="post" action="/admin/users">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <Field {...bound('email')} label="Email" type="email" required />
        <Field
          {...bound('displayName')}
          label="Name"
          hint="Shown in the back office; the part of the email before @ if empty."
        />
        <SelectField {...bound('role')} label="Role" required empty={null} options={ROLE_CHOICES} />
        <button type="submit">Add</button>
      </form>
    </AdminLayout>
  );
}
