import { AdminLayout, type AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import { Field } from '../../../ui/admin/form-fields.tsx';
import { Flash } from '../../../ui/admin/notices.tsx';

/** Passkey first; password with an authenticator code as the fallback. */
export function SignInPage(props: {
  ctx: AdminPageContext;
  error?: string;
  email?: string;
  passwordAllowed: boolean;
  /** The back-office page to return to after signing in (already checked to be one). */
  next?: string;
}) {
  const { ctx } = props;
  const action = props.next
    ? `/admin/sign-in?next=${encodeURIComponent(props.next)}`
    : '/admin/sign-in';
  return (
    <AdminLayout ctx={ctx} title="Sign in">
      <h1>Sign in</h1>
      <Flash message={props.error} error />
      <section aria-labelledby="passkey-heading">
        <h2 id="passkey-heading">With a passkey</h2>
        <p>Use the passkey on this device or your security key. It cannot be phished.</p>
        <button type="button" id="passkey-sign-in" data-csrf={ctx.csrfToken}>
          Sign in with a passkey
        </button>
        <p class="error" id="passkey-error" role="alert" hidden></p>
      </section>
      {props.passwordAllowed ? (
        <section aria-labelledby="password-heading">
          <h2 id="password-heading">With a password and an authenticator code</h2>
          <form method="post" action={action}>
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <Field
              label="E-mail address"
              name="email"
              type="email"
              value={props.email}
              required
              autocomplete="username"
            />
            <Field
              label="Password"
              name="password"
              type="password"
              required
              autocomplete="current-password"
            />
            <Field
              label="Authenticator code or recovery code"
              name="code"
              required
              autocomplete="one-time-code"
              hint="The 6-digit code from your authenticator app, or one of your recovery codes."
            />
            <button type="submit">Sign in</button>
          </form>
        </section>
      ) : (
        <p>Staff sign in with passkeys only on this site.</p>
      )}
    </AdminLayout>
  );
}
