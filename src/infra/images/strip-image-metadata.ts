import { ValidationError } from '../../core/errors.ts';

/**
 * The most pixels an image may have: a 100-megapixel image decodes to 400 MB, which the server
 * can afford; sharp refuses larger ones before decoding them (a "pixel flood").
 */
export const MAX_IMAGE_PIXELS = 100_000_000;

/**
 * Rewrites an image from its pixels alone, so that no EXIF (GPS position, camera serial
 * number, owner name), XMP or IPTC block survives. Re-encoding is deliberate: cutting metadata
 * segments out of a file leaves whatever a camera maker hid elsewhere (maker notes, thumbnails
 * with their own EXIF), while decoding to pixels and encoding again keeps nothing but the
 * picture. The orientation the camera recorded is applied to the pixels first, and the colour
 * profile is kept, so the image looks the same. JPEG and WebP lose one generation at quality 92;
 * PNG stays lossless.
 */
export async function stripImageMetadata(
  bytes: Uint8Array,
  mediaType: string,
): Promise<Uint8Array> {
  // Loaded on first use: most commands never touch an image, and libvips takes a while to load.
  const { default: sharp } = await import('sharp');
  try {
    const image = sharp(bytes, {
      limitInputPixels: MAX_IMAGE_PIXELS,
      failOn: 'error',
      animated: mediaType === 'image/webp',
    })
      .autoOrient()
      .keepIccProfile();
    switch (mediaType) {
      case 'image/jpeg':
        return new Uint8Array(await image.jpeg({ quality: 92, mozjpeg: true }).toBuffer());
      case 'image/png':
        return new Uint8Array(await image.png({ compressionLevel: 9 }).toBuffer());
      case 'image/webp':
        return new Uint8Array(await image.webp({ quality: 92 }).toBuffer());
      case 'image/avif':
        return new Uint8Array(await image.avif({ quality: 70 }).toBuffer());
      case 'image/tiff':
        // A TIFF is a satellite scene's format, stored as uploaded and published through its
        // own public copy (features/imagery); as a figure or a photo it is refused.
        throw new ValidationError(
          'TIFF images are accepted as satellite scenes only: upload a JPEG, PNG, WebP or AVIF here',
        );
      default:
        throw new ValidationError(`Images of type ${mediaType} are not accepted`);
    }
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    // libvips appends its decoder's warnings, each repeated, line by line: the first says it.
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new ValidationError(`The image could not be read: ${reason}`);
  }
}
