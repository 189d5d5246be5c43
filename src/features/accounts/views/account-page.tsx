import type { PasskeyRow } from '../../../core/repositories/credentials-repository.ts';
import { AdminLayout, type AdminPageContext } from '../../../ui/admin/admin-layout.tsx';

/** The signed-in user's own passkeys and recovery codes. */
export function AccountPage(props: {
  ctx: AdminPageContext;
  passkeys: PasskeyRow[];
  unusedRecoveryCodes: number;
}) {
  const { ctx } = props;
  return (
    <AdminLayout ctx={ctx} title="Your account">
      <h1>Your account</h1>
      <h2>Passkeys</h2>
      {props.passkeys.length === 0 ? <p>No passkey yet.</p> : null}
      <ul class="passkeys">
        {props.passkeys.map((p) => (
          <li>
            {p.name}{' '}
            <span class="quiet">
              added {p.createdAt.slice(0, 10)}
              {p.lastUsedAt ? `, last used ${p.lastUsedAt.slice(0, 10)}` : ''}
            </span>{' '}
            <form method="post" action={`/admin/account/passkeys/${p.id}/delete`} class="inline">
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <button type="submit">Remove</button>
            </form>
          </li>
        ))}
      </ul>
      <button
        type="button"
        id="passkey-register"
        data-csrf={ctx.csrfToken}
        data-options="/admin/account/passkeys/options"
        data-verify="/admin/account/passkeys/verify"
        data-done="/admin/account"
      >
        Add a passkey
      </button>
      <p class="error" id="passkey-error" role="alert" hidden></p>
      <h2>Recovery codes</h2>
      <p>{props.unusedRecoveryCodes} unused recovery codes.</p>
    </AdminLayout>
  );
}
