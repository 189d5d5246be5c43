import { Readable } from 'node:stream';
import { type Context, Hono } from 'hono';
import type { AppContext } from '../../../core/app-context.ts';
import { contentDisposition } from '../../../core/file-name.ts';
import { findPublicFile } from '../loaders/public-file.ts';
import { parseRange } from './byte-range.ts';
import { proofRoutes } from './proof-routes.ts';

/**
 * Files under their publication's own folder (/{section}/{slug}/{file}), as Google Scholar
 * expects. Range requests let PDF viewers jump to a page without fetching the whole file.
 */
export function fileRoutes(
  app: AppContext,
  onMissing: (c: Context, status: 404 | 410) => Promise<Response>,
): Hono {
  const files = new Hono();
  // A piece's timestamped versions live under its folder too (…/versions/{n}/record.json).
  files.route('/', proofRoutes(app, onMissing));
  files.on(['GET', 'HEAD'], '/:section/:slug/:file{[^/]+\\.[A-Za-z0-9]{1,5}}', async (c) => {
    // Hono has already decoded the parameter once; decoding it again would read '%2541' as 'A'
    // and throw on a name that decodes to a lone '%'.
    const found = await findPublicFile(
      app.repos,
      c.req.param('section'),
      c.req.param('slug'),
      c.req.param('file'),
      app.clock.now(),
    );
    if (found.kind !== 'found') return onMissing(c, found.kind === 'gone' ? 410 : 404);
    const { file, fileName } = found;
    const etag = `"${file.sha256}"`;
    const headers: Record<string, string> = {
      'Content-Type': file.mediaType,
      // The kept name, in filename* for RFC 6266 clients and as safe ASCII for the rest.
      'Content-Disposition': contentDisposition('inline', fileName),
      'Accept-Ranges': 'bytes',
      ETag: etag,
      // Revalidated on every use, never `immutable`: a piece withdrawn or trashed must stop
      // being served from caches as soon as its page does. The ETag makes a revalidation cheap.
      'Cache-Control': 'public, max-age=0, must-revalidate',
    };
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304, headers);
    const range = parseRange(c.req.header('Range'), file.byteSize);
    if (range === 'unsatisfiable') {
      return c.body(null, 416, { ...headers, 'Content-Range': `bytes */${file.byteSize}` });
    }
    const status = range ? 206 : 200;
    const length = range ? range.end - range.start + 1 : file.byteSize;
    headers['Content-Length'] = String(length);
    if (range) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${file.byteSize}`;
    if (c.req.method === 'HEAD') return c.body(null, status, headers);
    const stream = Readable.toWeb(Readable.from(app.files.read(file.sha256, range ?? undefined)));
    return c.body(stream as ReadableStream<Uint8Array>, status, headers);
  });
  return files;
}
