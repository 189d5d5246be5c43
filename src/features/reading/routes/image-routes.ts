import { Readable } from 'node:stream';
import { type Context, Hono } from 'hono';
import type { AppContext } from '../../../core/app-context.ts';
import { imageWidths, parseImageFile } from '../../../core/images.ts';
import { findPublicImage } from '../loaders/public-image.ts';

/**
 * Display copies of public images: /images/{id}/{width}.{avif|webp|jpg|png}, the addresses a
 * `<picture>` names (core/images.ts). Every copy was encoded from pixels alone, so none carries
 * the metadata the upload had. Until the copies are made (a background job), the stored image
 * itself answers, already stripped. Visibility is checked on every request and the answer is
 * revalidated on every use, as for a publication's files: a piece withdrawn or a person no longer
 * shown must stop showing their images as soon as their pages do.
 */
export function imageRoutes(
  app: AppContext,
  onMissing: (c: Context, status: 404) => Promise<Response>,
): Hono {
  const images = new Hono();
  images.on(['GET', 'HEAD'], '/images/:id{[1-9][0-9]{0,9}}/:file', async (c) => {
    const wanted = parseImageFile(c.req.param('file'));
    const image =
      wanted && (await findPublicImage(app.repos, Number(c.req.param('id')), app.clock.now()));
    if (!wanted || !image || !imageWidths(image.width).includes(wanted.width)) {
      return onMissing(c, 404);
    }
    const copies = await app.repos.files.derivativesOf(image.storedFileId);
    const copy = copies.find(
      (d) =>
        d.purpose === 'display' && d.mediaType === wanted.mediaType && d.width === wanted.width,
    );
    // A scene's original keeps its metadata (it is evidence, for staff): never a stand-in.
    if (!copy && (await app.repos.scenes.find(image.id))) return onMissing(c, 404);
    const file = await app.repos.files.findStoredFile(copy ? copy.fileId : image.storedFileId);
    if (!file) return onMissing(c, 404);
    const etag = `"${file.sha256}"`;
    const headers: Record<string, string> = {
      'Content-Type': file.mediaType,
      'Content-Length': String(file.byteSize),
      ETag: etag,
      'Cache-Control': 'public, max-age=0, must-revalidate',
    };
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304, headers);
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    const stream = Readable.toWeb(Readable.from(app.files.read(file.sha256)));
    return c.body(stream as ReadableStream<Uint8Array>, 200, headers);
  });
  return images;
}
