import type { Child } from 'hono/jsx';
import type { User } from '../../core/entities.ts';
import { type Action, can } from '../../core/permissions.ts';
import { staffRoleLabel } from './labels.ts';

export interface AdminPageContext {
  user: User | null;
  csrfToken: string;
  nonce: string;
  siteName: string;
  path: string;
  assets: {
    css: string;
    cssIntegrity: string;
    adminCss: string;
    adminCssIntegrity: string;
    adminJs: string;
    adminJsIntegrity: string;
    /** The back office's other scripts: each does nothing on a page without its elements. */
    scripts: Array<{ src: string; integrity: string }>;
    webauthnJs: string;
    webauthnJsIntegrity: string;
  };
}

const MENU: Array<{ label: string; path: string; action: Action }> = [
  { label: 'Publications', path: '/admin/publications', action: 'publication.create' },
  { label: 'People', path: '/admin/people', action: 'entities.edit' },
  { label: 'Places', path: '/admin/places', action: 'entities.edit' },
  { label: 'Topics', path: '/admin/topics', action: 'entities.edit' },
  { label: 'Sections', path: '/admin/sections', action: 'entities.edit' },
  { label: 'Redirects', path: '/admin/redirects', action: 'redirects.edit' },
  { label: 'Jobs', path: '/admin/jobs', action: 'jobs.read' },
  { label: 'Trash', path: '/admin/trash', action: 'trash.restore' },
  { label: 'Audit trail', path: '/admin/audit', action: 'audit.read' },
  { label: 'Users', path: '/admin/users', action: 'users.manage' },
  { label: 'API tokens', path: '/admin/tokens', action: 'tokens.manage' },
  { label: 'Settings', path: '/admin/settings', action: 'settings.manage' },
];

/** The back office's frame: only what the signed-in role may use is offered. */
export function AdminLayout(props: { ctx: AdminPageContext; title: string; children?: Child }) {
  const { ctx } = props;
  return (
    <html
      lang="en"
      data-webauthn={ctx.assets.webauthnJs}
      data-webauthn-integrity={ctx.assets.webauthnJsIntegrity}
    >
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${props.title} — ${ctx.siteName} back office`}</title>
        <link rel="stylesheet" href={ctx.assets.css} integrity={ctx.assets.cssIntegrity} />
        <link
          rel="stylesheet"
          href={ctx.assets.adminCss}
          integrity={ctx.assets.adminCssIntegrity}
        />
        <script
          src={ctx.assets.adminJs}
          integrity={ctx.assets.adminJsIntegrity}
          defer
          nonce={ctx.nonce}
        />
        {ctx.assets.scripts.map((s) => (
          <script src={s.src} integrity={s.integrity} defer nonce={ctx.nonce} />
        ))}
      </head>
      <body class="admin">
        <a class="skip-link" href="#main">
          Skip to main content
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="site-name" href="/admin">
              <span>{ctx.siteName} · back office</span>
            </a>
            {ctx.user ? (
              <nav class="site-nav" aria-label="Back office">
                <ul>
                  {MENU.filter((m) => can(ctx.user!, m.action)).map((m) => (
                    <li>
                      <a
                        href={m.path}
                        aria-current={ctx.path.startsWith(m.path) ? 'page' : undefined}
                      >
                        {m.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            {ctx.user ? (
              <form method="post" action="/admin/sign-out" class="sign-out">
                <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                <span class="quiet">
                  {ctx.user.displayName} ({staffRoleLabel(ctx.user.role)})
                </span>{' '}
                <a href="/admin/account">Account</a> <button type="submit">Sign out</button>
              </form>
            ) : null}
          </div>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {props.children}
        </main>
      </body>
    </html>
  );
}
