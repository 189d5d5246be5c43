import type { JSX } from 'hono/jsx/jsx-runtime';
import type { AppContext } from '../../../core/app-context.ts';
import type { AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import { assetManifest } from '../../../ui/assets.ts';
import { preSessionToken } from './pre-session-token.ts';
import type { AdminContext } from './route-table.ts';

/** The frame data of a back-office page. */
export async function adminPageContext(
  app: AppContext,
  c: AdminContext,
): Promise<AdminPageContext> {
  const session = c.get('session');
  const site = await app.repos.settings.get<{ name?: string }>('site');
  const assets = assetManifest();
  return {
    user: session?.user ?? null,
    csrfToken: session ? session.csrfToken : preSessionToken(c, app.config.publicUrl),
    nonce: c.get('cspNonce'),
    siteName: site?.name ?? 'Dossier',
    path: c.req.path,
    assets: {
      css: assets.css.path,
      cssIntegrity: assets.css.integrity,
      adminCss: assets.adminCss.path,
      adminCssIntegrity: assets.adminCss.integrity,
      adminJs: assets.adminJs.path,
      adminJsIntegrity: assets.adminJs.integrity,
      scripts: [assets.editorJs, assets.filesJs].map((a) => ({
        src: a.path,
        integrity: a.integrity,
      })),
      webauthnJs: assets.webauthnJs.path,
      webauthnJsIntegrity: assets.webauthnJs.integrity,
    },
  };
}

export async function renderAdmin(
  c: AdminContext,
  page: JSX.Element,
  status: 200 | 400 | 403 | 404 | 409 | 410 | 422 | 429 = 200,
) {
  return c.html(`<!DOCTYPE html>${await page.toString()}`, status);
}

/**
 * The client's address, for rate limits and the audit trail: as the web layer resolved it from
 * the socket and, behind a trusted proxy only, the address the proxy forwarded.
 */
export function clientIp(c: AdminContext): string | null {
  return c.get('clientAddress') ?? null;
}
