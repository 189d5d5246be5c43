import { type Context, Hono } from 'hono';
import type { AppContext } from '../../../core/app-context.ts';
import { findPublicProof } from '../loaders/public-proof.ts';

/**
 * A public piece's timestamped versions: the record exactly as stamped (its bytes are what the
 * token's hash is over, so they are sent as stored, never re-serialized) and the authority's
 * RFC 3161 reply, which holds the token,
 * under the piece's own folder: /{section}/{slug}/versions/{n}/record.json and record.tsr.
 */
export function proofRoutes(
  app: AppContext,
  onMissing: (c: Context, status: 404 | 410) => Promise<Response>,
): Hono {
  const routes = new Hono();
  const find = (c: Context) =>
    findPublicProof(
      app.repos,
      c.req.param('section') ?? '',
      c.req.param('slug') ?? '',
      Number(c.req.param('version')),
      app.clock.now(),
    );
  // Revalidated on every use, like files: a withdrawn piece's records must stop being served.
  const cache = 'public, max-age=0, must-revalidate';
  const path = '/:section/:slug/versions/:version{[1-9][0-9]{0,8}}';
  routes.get(`${path}/record.json`, async (c) => {
    const proof = await find(c);
    if (!proof) return onMissing(c, 404);
    return c.body(Buffer.from(proof.record, 'utf8'), 200, {
      'Content-Type': 'application/json',
      'Content-Disposition': `attachment; filename="record-${proof.version}.json"`,
      'Cache-Control': cache,
      ETag: `"${proof.sha256}"`,
    });
  });
  routes.get(`${path}/record.tsr`, async (c) => {
    const proof = await find(c);
    if (!proof) return onMissing(c, 404);
    return c.body(Buffer.from(proof.reply, 'base64'), 200, {
      'Content-Type': 'application/timestamp-reply',
      'Content-Disposition': `attachment; filename="record-${proof.version}.tsr"`,
      'Cache-Control': cache,
    });
  });
  return routes;
}
