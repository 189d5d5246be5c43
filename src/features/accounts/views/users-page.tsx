import { USER_ROLES } from '../../../core/content-types.ts';
import { AdminLayout, type AdminPageContext, Field } from '../../../ui/admin/admin-layout.tsx';
import { SelectField } from '../../entities/views/entity-form-frame.tsx';
import type { StaffMember } from '../staff-accounts.ts';

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

function PostButton(props: {
  ctx: AdminPageContext;
  action: string;
  label: string;
  danger?: boolean;
}) {
  return (
    <form method="post" action={props.action} class="inline">
      <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
      <button type="submit" class={props.danger ? 'danger' : undefined}>
        {props.label}
      </button>
    </form>
  );
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
  return (
    <AdminLayout ctx={ctx} title="Users">
      <h1>Users</h1>
      {props.message ? (
        <p class={errors.user ? 'flash error' : 'flash'} role={errors.user ? 'alert' : 'status'}>
          {props.message}
        </p>
      ) : null}
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
      <table class="list">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Passkeys</th>
            <th scope="col">Signed in</th>
            <th scope="col">Account</th>
          </tr>
        </thead>
        <tbody>
          {props.staff.map((u) => {
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
                        {USER_ROLES.map((r) => (
                          <option value={r} selected={r === u.role}>
                            {r}
                          </option>
                        ))}
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
          })}
        </tbody>
      </table>
      <h2>Add a user</h2>
      <p class="hint">
        They get a one-time set-up link to choose a passkey, or a password with an authenticator
        app. Nobody ever sends a password.
      </p>
      <form method="post" action="/admin/users">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <Field
          label="Email"
          name="email"
          type="email"
          value={v.email}
          required
          error={errors.email}
        />
        <Field
          label="Name"
          name="displayName"
          value={v.displayName}
          error={errors.displayName}
          hint="Shown in the back office; the part of the email before @ if empty."
        />
        <SelectField
          label="Role"
          name="role"
          value={v.role}
          required
          empty={null}
          error={errors.role}
          options={USER_ROLES.map((r) => ({ value: r, label: r }))}
        />
        <button type="submit">Add</button>
      </form>
    </AdminLayout>
  );
}
