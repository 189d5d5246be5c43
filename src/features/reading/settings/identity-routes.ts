import { Readable } from 'node:stream';
import { type Context, Hono } from 'hono';
import type { AppContext } from '../../../core/app-context.ts';
import {
  identityCss,
  identityCssPath,
  logoPath,
  readAsset,
  type StoredIdentity,
} from './identity.ts';

const FOR_GOOD = 'public, max-age=31536000, immutable';

/**
 * The identity's files, from this site's own origin: /identity/{hash}.css (the custom
 * properties and `@font-face` rules), /identity/{sha256}.woff2 (fonts), and the logo. Every name
 * is its content's hash, so each is cached for a year; a change makes a new name, which the
 * pages link once the render cache has been emptied. A name that is not current is 404.
 */
export function identityRoutes(
  app: AppContext,
  onMissing: (c: Context, status: 404) => Promise<Response>,
): Hono {
  const routes = new Hono();
  routes.on(
    ['GET', 'HEAD'],
    '/identity/:file{[0-9a-f]{20,64}\\.(?:css|woff2|svg|png|webp)}',
    async (c) => {
      const name = c.req.param('file');
      const identity = (await app.repos.settings.get<StoredIdentity>('identity')) ?? {};
      const send = (body: Uint8Array | string, type: string) =>
        c.body(c.req.method === 'HEAD' ? null : (body as never), 200, {
          'Content-Type': type,
          'Cache-Control': FOR_GOOD,
          // Fonts are fetched in CORS mode; same origin only, as the policy says.
          'Cross-Origin-Resource-Policy': 'same-origin',
        });
      if (name.endsWith('.css')) {
        const css = identityCss(identity);
        if (!css || identityCssPath(css) !== `/identity/${name}`) return onMissing(c, 404);
        return send(css, 'text/css; charset=utf-8');
      }
      const sha256 = name.slice(0, name.indexOf('.'));
      if (name.endsWith('.woff2')) {
        if (!(identity.fonts ?? []).some((f) => f.sha256 === sha256)) return onMissing(c, 404);
        const asset = await readAsset(app.repos, sha256);
        return asset ? send(asset.bytes, 'font/woff2') : onMissing(c, 404);
      }
      const logo = identity.logo;
      if (!logo || logoPath(logo) !== `/identity/${name}`) return onMissing(c, 404);
      if (logo.mediaType === 'image/svg+xml') {
        const asset = await readAsset(app.repos, sha256);
        if (!asset) return onMissing(c, 404);
        const response = send(asset.bytes, 'image/svg+xml');
        // Opened on its own, the SVG is a document: it may run nothing and load nothing.
        response.headers.set(
          'Content-Security-Policy',
          "default-src 'none'; style-src 'unsafe-inline'",
        );
        return response;
      }
      // A raster logo is in the file store, re-encoded without metadata when it was uploaded.
      if (!(await app.files.exists(sha256))) return onMissing(c, 404);
      const headers = { 'Content-Type': logo.mediaType, 'Cache-Control': FOR_GOOD };
      if (c.req.method === 'HEAD') return c.body(null, 200, headers);
      const stream = Readable.toWeb(Readable.from(app.files.read(sha256)));
      return c.body(stream as ReadableStream<Uint8Array>, 200, headers);
    },
  );
  return routes;
}
