import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { Hono } from 'hono';
import { type Asset, assetManifest } from '../ui/assets.ts';
import { parseAcceptEncoding } from './render-cache/cached-reply.ts';

/** Compressed copies of each text asset, made once on first request at the highest settings. */
const packed = new Map<string, { br: Uint8Array; gzip: Uint8Array }>();

function packedCopies(asset: Asset) {
  let copies = packed.get(asset.path);
  if (!copies) {
    copies = {
      br: new Uint8Array(
        brotliCompressSync(asset.body, {
          params: {
            [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
            [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
          },
        }),
      ),
      gzip: new Uint8Array(gzipSync(asset.body, { level: 9 })),
    };
    packed.set(asset.path, copies);
  }
  return copies;
}

/**
 * Serves the page shell's assets under their fingerprinted names, cached for a year. The style
 * sheet and scripts go out brotli or gzip compressed to a client that accepts it, like pages.
 */
export function assetRoutes(): Hono {
  const app = new Hono();
  app.get('/assets/:name', (c) => {
    const asset = Object.values(assetManifest()).find((a) => a.path === c.req.path);
    if (!asset) return c.notFound();
    const headers: Record<string, string> = {
      'Content-Type': asset.type,
      'Cache-Control': 'public, max-age=31536000, immutable',
    };
    if (!/^text\/|^image\/svg\+xml/.test(asset.type)) {
      return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, headers);
    }
    headers.Vary = 'Accept-Encoding';
    const accepted = parseAcceptEncoding(c.req.header('accept-encoding') ?? '');
    const encoding = accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : null;
    if (!encoding) return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, headers);
    headers['Content-Encoding'] = encoding;
    return c.body(packedCopies(asset)[encoding] as Uint8Array<ArrayBuffer>, 200, headers);
  });
  return app;
}
