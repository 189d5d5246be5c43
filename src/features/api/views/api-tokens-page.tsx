import type { User } from '../../../core/entities.ts';
import type { ApiTokenListing } from '../../../core/repositories/api-tokens-repository.ts';
import { AdminLayout, type AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import { Field, fieldBinder, SelectField } from '../../../ui/admin/form-fields.tsx';
import { Flash, RefusedNotice } from '../../../ui/admin/notices.tsx';
import { PostButton } from '../../../ui/admin/post-button.tsx';
import { ListTable } from '../../../ui/components/list-table.tsx';
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
  const bound = fieldBinder(v, errors);
  return (
    <AdminLayout ctx={ctx} title="API tokens">
      <h1>API tokens</h1>
      <Flash message={props.message} />
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
      <RefusedNotice errors={errors}>
        The token was not made; everything you chose is kept.
      </RefusedNotice>
      <form method="post" action="/admin/tokens">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <Field
          {...bound('name')}
          label="Name"
          required
          hint="What will use it, e.g. Partner mirror (Seoul)"
        />
        <SelectField
          {...bound('userId')}
          label="Account"
          required
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
      <ListTable
        items={props.tokens}
        columns={['Name', 'Begins', 'Account', 'Scopes', 'Made', 'Last used', 'State']}
        empty="None yet."
        row={(t) => (
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
                <PostButton
                  ctx={ctx}
                  action={`/admin/tokens/${t.id}/revoke`}
                  label="Revoke"
                  danger
                />
              )}
            </td>
          </tr>
        )}
      />
    </AdminLayout>
  );
}
