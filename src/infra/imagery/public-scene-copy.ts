import { copyFile, rename, rm } from 'node:fs/promises';
import { ValidationError } from '../../core/errors.ts';
import { MAX_SCENE_PIXELS, type SceneMediaType } from '../../core/imagery.ts';
import { stripTiffMetadata } from './strip-tiff-metadata.ts';

const firstLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/**
 * Re-encodes a JPEG, PNG or WebP scene from its pixels, in its own format, with no metadata:
 * nothing a camera or an editing tool wrote survives (as for the site's other images).
 */
async function reencode(path: string, mediaType: SceneMediaType, out: string): Promise<void> {
  const { default: sharp } = await import('sharp');
  const image = sharp(path, {
    limitInputPixels: MAX_SCENE_PIXELS,
    sequentialRead: true,
    failOn: 'error',
  })
    .autoOrient()
    .keepIccProfile();
  const encoded =
    mediaType === 'image/jpeg'
      ? image.jpeg({ quality: 92, mozjpeg: true })
      : mediaType === 'image/png'
        ? image.png({ compressionLevel: 9 })
        : image.webp({ quality: 92 });
  try {
    await encoded.toFile(out);
  } catch (error) {
    throw new ValidationError(`The scene could not be read: ${firstLine(error)}`);
  }
}

/**
 * The copy of a scene the public may download. A TIFF keeps its pixels bit for bit and its
 * georeferencing, and loses every other tag (see KEPT_TIFF_TAGS): the file is copied, then its
 * directories are rewritten in place, so memory use does not grow with the file. Other formats
 * are re-encoded from their pixels. `out` appears only once complete.
 */
export async function publicSceneCopy(
  path: string,
  mediaType: SceneMediaType,
  out: string,
): Promise<void> {
  const partial = `${out}.partial`;
  try {
    if (mediaType === 'image/tiff') {
      await copyFile(path, partial);
      await stripTiffMetadata(partial);
    } else {
      await reencode(path, mediaType, partial);
    }
    await rename(partial, out);
  } finally {
    await rm(partial, { force: true });
  }
}
