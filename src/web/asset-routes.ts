import { Hono } from 'hono';
import { assetManifest } from '../ui/assets.ts';

/** Serves the page shell's assets under their fingerprinted names, cached for a year. */
export function assetRoutes(): Hono {
  const app = new Hono();
  app.get('/assets/:name', (c) => {
    const asset = Object.values(assetManifest()).find((a) => a.path === c.req.path);
    if (!asset) return c.notFound();
    return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': asset.type,
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  });
  return app;
}
