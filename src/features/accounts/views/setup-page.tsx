import { raw } from 'hono/html';
import { AdminLayout, type AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import { Field } from '../../../ui/admin/form-fields.tsx';

/** A new user's one-time set-up: a passkey (preferred), or a password with an authenticator app. */
export function SetupPage(props: {
  ctx: AdminPageContext;
  token: string;
  email: string;
  totpSecret: string;
  totpQrSvg: string;
  errors?: Record<string, string>;
  passwordAllowed: boolean;
}) {
  const { ctx } = props;
  return (
    <AdminLayout ctx={ctx} title="Set up your account">
      <h1>Set up your account</h1>
      <p>
        Signing in as <strong>{props.email}</strong>. This link works once.
      </p>
      <section aria-labelledby="passkey-heading">
        <h2 id="passkey-heading">Create a passkey (recommended)</h2>
        <p>
          Your device will ask for your fingerprint, face or screen lock. Nothing can be phished.
        </p>
        <button
          type="button"
          id="passkey-register"
          data-csrf={ctx.csrfToken}
          data-options={`/admin/setup/${props.token}/passkey/options`}
          data-verify={`/admin/setup/${props.token}/passkey/verify`}
          data-done="/admin"
        >
          Create a passkey
        </button>
        <p class="error" id="passkey-error" role="alert" hidden></p>
      </section>
      {props.passwordAllowed ? (
        <section aria-labelledby="password-heading">
          <h2 id="password-heading">Or: a password and an authenticator app</h2>
          <form method="post" action={`/admin/setup/${props.token}/password`}>
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <input type="hidden" name="totpSecret" value={props.totpSecret} />
            <Field
              label="New password"
              name="password"
              type="password"
              required
              autocomplete="new-password"
              hint="At least 12 characters. A long phrase is best."
              error={props.errors?.password}
            />
            <p>Scan this code with your authenticator app, or type the key below it.</p>
            <figure class="totp-qr">
              {raw(props.totpQrSvg)}
              <figcaption>
                Key: <code class="totp-secret">{props.totpSecret}</code>
              </figcaption>
            </figure>
            <Field
              label="The 6-digit code your app shows"
              name="code"
              required
              autocomplete="one-time-code"
              error={props.errors?.code}
            />
            <button type="submit">Save and continue</button>
          </form>
        </section>
      ) : null}
    </AdminLayout>
  );
}
