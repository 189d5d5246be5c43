import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';

/**
 * Sends a rendered page. Anonymous pages may be cached, but must revalidate: an edit or a
 * withdrawal shows at once, and the ETag keeps revalidation cheap.
 */
export async function renderPage(
  c: Context,
  page: JSX.Element,
  status: 200 | 404 | 410 | 500 = 200,
) {
  const html = `<!DOCTYPE html>${await page.toString()}`;
  // The page is a string in hand: hash it here, at once, rather than have the ETag middleware
  // clone the response and read it back through a stream into WebCrypto (the same SHA-1 of the
  // same bytes, at a fraction of the cost). The middleware still answers If-None-Match.
  if (status === 200) c.header('ETag', `"${createHash('sha1').update(html).digest('hex')}"`);
  c.header('Cache-Control', status === 500 ? 'no-store' : 'public, max-age=0, must-revalidate');
  c.header('Vary', 'Accept-Encoding');
  return c.html(html, status);
}
