import type { ImageTools, ImageVariant } from '../../core/image-ports.ts';
import { MAX_IMAGE_PIXELS } from './strip-image-metadata.ts';

/** Widths the public pages ask for (srcset); none is made wider than the original. */
export const VARIANT_WIDTHS = [480, 960, 1600] as const;

/**
 * Resized copies of an image in WebP and AVIF, for `<picture>` with `srcset`: browsers that know
 * AVIF take the smaller file, the rest WebP. An image narrower than the smallest width gets one
 * copy of each format at its own width. Output carries no metadata (sharp's default).
 */
export async function makeImageVariants(
  bytes: Uint8Array,
): Promise<{ width: number; height: number; variants: ImageVariant[] }> {
  const { default: sharp } = await import('sharp');
  const source = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).autoOrient();
  const meta = await source.metadata();
  const portrait = (meta.orientation ?? 1) >= 5;
  const width = (portrait ? meta.height : meta.width) ?? 0;
  const height = (portrait ? meta.width : meta.height) ?? 0;
  const widths: number[] = VARIANT_WIDTHS.filter((w) => w < width);
  if (widths.length < VARIANT_WIDTHS.length) widths.push(Math.min(width, VARIANT_WIDTHS.at(-1)!));
  const variants: ImageVariant[] = [];
  for (const w of [...new Set(widths)]) {
    const resized = source.clone().resize({ width: w, withoutEnlargement: true });
    for (const format of ['webp', 'avif'] as const) {
      const { data, info } = await (format === 'webp'
        ? resized.clone().webp({ quality: 80 })
        : resized.clone().avif({ quality: 55, effort: 3 })
      ).toBuffer({ resolveWithObject: true });
      variants.push({
        bytes: new Uint8Array(data),
        mediaType: `image/${format}`,
        width: info.width,
        height: info.height,
      });
    }
  }
  return { width, height, variants };
}

/** The image tools a context is built with: sharp, in this process. */
export const sharpImageTools: ImageTools = { makeVariants: makeImageVariants };
