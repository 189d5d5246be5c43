import { hash } from 'node:crypto';
import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { DOCTYPE } from './frame-template.ts';

/** Renders a page and sends it. */
export async function renderPage(
  c: Context,
  page: JSX.Element,
  status: 200 | 404 | 410 | 500 = 200,
) {
  return sendPage(c, { bytes: Buffer.from(`${DOCTYPE}${await page.toString()}`) }, status);
}

/**
 * Sends a page rendered to bytes. Anonymous pages may be cached, but must revalidate: an edit or
 * a withdrawal shows at once, and the ETag keeps revalidation cheap. The page is encoded to UTF-8
 * once: the hash and the socket both take the bytes as they are, where a string would be encoded
 * again for its length, for the hash and for the write.
 */
export function sendPage(
  c: Context,
  page: { bytes: Uint8Array<ArrayBuffer>; etag?: string },
  status: 200 | 404 | 410 | 500 = 200,
) {
  const { bytes } = page;
  // The page is in hand: hash it here, at once, unless its renderer named it already
  // (renderInFrame), rather than have the ETag middleware clone the response and read it back
  // through a stream into WebCrypto. The middleware still answers If-None-Match.
  if (status === 200) c.header('ETag', `"${page.etag ?? hash('sha1', bytes)}"`);
  c.header('Cache-Control', status === 500 ? 'no-store' : 'public, max-age=0, must-revalidate');
  c.header('Vary', 'Accept-Encoding');
  c.header('Content-Type', 'text/html; charset=UTF-8');
  return c.body(bytes, status);
}
