import type { ImageTools, ImageVariant } from '../../core/image-ports.ts';
import { IMAGE_WIDTHS, imageWidths } from '../../core/images.ts';
import { MAX_IMAGE_PIXELS } from './strip-image-metadata.ts';

/** Widths the public pages ask for (srcset); none is made wider than the original. */
export const VARIANT_WIDTHS = IMAGE_WIDTHS;

/**
 * Resized copies of an image in AVIF, WebP and a fallback, for `<picture>` with `srcset`:
 * browsers that know AVIF take the smallest file, the rest WebP, and the few that know neither
 * the fallback (PNG for an image with transparency, else JPEG). An image narrower than the
 * smallest width gets one copy of each format at its own width. Output carries no metadata
 * (sharp's default: nothing is asked `withMetadata`).
 */
export async function makeImageVariants(bytes: Uint8Array): ReturnType<ImageTools['makeVariants']> {
  const { default: sharp } = await import('sharp');
  const source = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).autoOrient();
  const meta = await source.metadata();
  const portrait = (meta.orientation ?? 1) >= 5;
  const width = (portrait ? meta.height : meta.width) ?? 0;
  const height = (portrait ? meta.width : meta.height) ?? 0;
  const fallbackType = meta.hasAlpha ? 'image/png' : 'image/jpeg';
  const variants: ImageVariant[] = [];
  for (const w of imageWidths(width)) {
    const resized = source.clone().resize({ width: w, withoutEnlargement: true });
    const encoders = {
      'image/webp': () => resized.clone().webp({ quality: 80 }),
      'image/avif': () => resized.clone().avif({ quality: 55, effort: 3 }),
      'image/jpeg': () =>
        resized.clone().flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }),
      'image/png': () => resized.clone().png({ compressionLevel: 9 }),
    } as const;
    for (const mediaType of ['image/webp', 'image/avif', fallbackType] as const) {
      const { data, info } = await encoders[mediaType]().toBuffer({ resolveWithObject: true });
      variants.push({
        bytes: new Uint8Array(data),
        mediaType,
        width: info.width,
        height: info.height,
      });
    }
  }
  return { width, height, fallbackType, variants };
}

/** The upright size of an image and its fallback format, read from its header. */
export async function measureImage(bytes: Uint8Array): ReturnType<ImageTools['measure']> {
  const { default: sharp } = await import('sharp');
  const meta = await sharp(bytes, {
    limitInputPixels: MAX_IMAGE_PIXELS,
    failOn: 'error',
  }).metadata();
  const portrait = (meta.orientation ?? 1) >= 5;
  return {
    width: (portrait ? meta.height : meta.width) ?? 0,
    height: (portrait ? meta.width : meta.height) ?? 0,
    fallbackType: meta.hasAlpha ? 'image/png' : 'image/jpeg',
  };
}

/** The image tools a context is built with: sharp, in this process. */
export const sharpImageTools: ImageTools = {
  makeVariants: makeImageVariants,
  measure: measureImage,
};
