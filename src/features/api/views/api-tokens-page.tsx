import type { User } from '../../../core/entities.ts';
import type { ApiTokenListing } from '../../../infra/db/repos/api-tokens.repo.ts';
import { AdminLayout, type AdminPageContext, Field } from '../../../ui/admin/admin-layout.tsx';
import { SelectField } from '../../entities/views/entity-form-frame.tsx';
import { API_SCOPES } from '../api-tokens.ts';

export interface TokenFormValues {
  userId: string;
  name: string;
  scopes: string[];
}

const SCOPE_HINTS: Record<(typeof API_SCOPES)[number], string> = {
  'read-drafts': 'read drafts and other unpublished work (a contributor: only their own)',
  write: 'create and edit publications, attach files, edit people, topics and places',
  publish: 'publish and withdraw (editors and admins only)',
};

/** API tokens: made for one account, shown once, revocable; the role still bounds them. */
export function ApiTokensPage(props: {
  ctx: AdminPageContext;
  tokens: ApiTokenListing[];
  users: User[];
  values: TokenFormValues;
  errors: Record<string, string>;
  issued?: { name: string; secret: string };
  message?: string;
}) {
  const { ctx, values: v, errors } = props;
  return (
    <AdminLayout ctx={ctx} title="API tokens">
      <h1>API tokens</h1>
      {props.message ? (
        <p class="flash" role="status">
          {props.message}
        </p>
      ) : null}
      {props.issued ? (
        <div class="flash" role="status">
          <p>
            The token <strong>{props.issued.name}</strong>. It is shown only this once and is kept
            only as a hash: copy it now into the tool that will use it.
          </p>
          <p>
            <code class="setup-link">{props.issued.secret}</code>
          </p>
        </div>
      ) : null}
      <h2>Make a token</h2>
      <p>
        A token acts for one account. Its scopes say what it was made for; the account's role still
        decides what it may do. Reading public work needs no token. The reference is at{' '}
        <a href="/api/v1/docs">/api/v1/docs</a>.
      </p>
      {Object.keys(errors).length > 0 ? (
        <p class="flash error" role="alert">
          The token was not made; everything you chose is kept.
        </p>
      ) : null}
      <form method="post" action="/admin/tokens">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <Field
          label="Name"
          name="name"
          value={v.name}
          required
          error={errors.name}
          hint="What will use it, e.g. Partner mirror (Seoul)"
        />
        <SelectField
          label="Account"
          name="userId"
          value={v.userId}
          required
          error={errors.userId}
          options={props.users
            .filter((u) => !u.disabled)
            .map((u) => ({
              value: String(u.id),
              label: `${u.displayName} <${u.email}> (${u.role})`,
            }))}
        />
        <fieldset>
          <legend>Scopes</legend>
          {errors.scopes ? <p class="error">{errors.scopes}</p> : null}
          <div class="checkbox-list">
            {API_SCOPES.map((scope) => (
              <label>
                <input
                  type="checkbox"
                  name="scopes"
                  value={scope}
                  checked={v.scopes.includes(scope)}
                />{' '}
                <code>{scope}</code>: {SCOPE_HINTS[scope]}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit">Make the token</button>
      </form>
      <h2>Tokens</h2>
      {props.tokens.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Begins</th>
              <th scope="col">Account</th>
              <th scope="col">Scopes</th>
              <th scope="col">Made</th>
              <th scope="col">Last used</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {props.tokens.map((t) => (
              <tr>
                <td>{t.name}</td>
                <td>
                  <code>{t.prefix}…</code>
                </td>
                <td>
                  {t.userEmail} ({t.userRole})
                </td>
                <td>{t.scopes || 'public reads only'}</td>
                <td>{t.createdAt.slice(0, 16).replace('T', ' ')}</td>
                <td>
                  {t.lastUsedAt
                    ? `${t.lastUsedAt.slice(0, 16).replace('T', ' ')}${t.lastUsedIp ? ` from ${t.lastUsedIp}` : ''}`
                    : 'never'}
                </td>
                <td>
                  {t.revokedAt ? (
                    `revoked ${t.revokedAt.slice(0, 10)}`
                  ) : (
                    <form method="post" action={`/admin/tokens/${t.id}/revoke`} class="inline">
                      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                      <button type="submit" class="danger">
                        Revoke
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}
