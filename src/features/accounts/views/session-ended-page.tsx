import { AdminLayout, type AdminPageContext } from '../../../ui/admin/admin-layout.tsx';

/**
 * A form arrived without the session it was opened in: signed out in another tab, timed out,
 * or signed in again since. Nothing was saved. The back office's script keeps what was typed in
 * this browser until a save is confirmed; when it holds a copy, it shows the paragraph that says
 * so, and the form offers the copy back once it opens again.
 */
export function SessionEndedPage(props: {
  ctx: AdminPageContext;
  /** A session of this browser's is open now (a newer one than the form's). */
  signedIn: boolean;
  /** The page the form was on, to go back to. */
  formPath: string;
}) {
  const { ctx } = props;
  const again = props.signedIn
    ? props.formPath
    : `/admin/sign-in?next=${encodeURIComponent(props.formPath)}`;
  return (
    <AdminLayout ctx={ctx} title="Not saved: the session ended">
      <h1>Not saved: the session ended</h1>
      <p role="alert" class="flash error">
        {props.signedIn
          ? 'This form was opened before you last signed in, so it was not saved.'
          : 'You were signed out (in another tab, or after a while away) before this form was sent, so it was not saved.'}
      </p>
      <p id="kept-copy" class="flash" role="status" hidden>
        What you typed is kept in this browser. The form opens with it restored
        {props.signedIn ? '' : ' once you sign in again'}; then save it.
      </p>
      <p>
        <a href={again} class="button">
          {props.signedIn ? 'Open the form again' : 'Sign in again'}
        </a>
      </p>
    </AdminLayout>
  );
}
