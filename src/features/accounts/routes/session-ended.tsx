import type { AppContext } from '../../../core/app-context.ts';
import { adminPageContext, renderAdmin } from '../back-office/admin-page.ts';
import type { AdminContext } from '../back-office/route-table.ts';
import { SessionEndedPage } from '../views/session-ended-page.tsx';
import { safeNext } from './safe-next.ts';

/**
 * The answer to a form whose CSRF token is not the current session's: the session it was
 * opened in has ended. Nothing is saved; the page says so and leads back to the form, through
 * sign-in when no session is open, where the browser's copy of the text is offered back.
 */
export function sessionEndedAnswer(app: AppContext) {
  const origin = new URL(app.config.publicUrl).origin;
  return async (c: AdminContext): Promise<Response> =>
    renderAdmin(
      c,
      <SessionEndedPage
        ctx={await adminPageContext(app, c)}
        signedIn={c.get('session') !== null && c.get('session') !== undefined}
        formPath={formPathOf(c, origin)}
      />,
      403,
    );
}

/** The page the form was sent from (a same-site Referer's path), else the path it was sent to. */
function formPathOf(c: AdminContext, origin: string): string {
  try {
    const from = new URL(c.req.header('Referer') ?? '');
    if (from.origin === origin) return safeNext(from.pathname);
  } catch {
    // No Referer, or not a URL: the form's own address will do.
  }
  return safeNext(c.req.path);
}
