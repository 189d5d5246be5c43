/** A resized copy of an uploaded image, one of the `srcset` of its `<picture>`. */
export interface ImageVariant {
  bytes: Uint8Array;
  mediaType: 'image/webp' | 'image/avif' | 'image/jpeg' | 'image/png';
  width: number;
  height: number;
}

/**
 * Decodes and re-encodes uploaded images. The implementation decodes untrusted bytes with a
 * limit on their pixels; an image it cannot read is an error, never a crash.
 */
export interface ImageTools {
  /** The upright size of an image, and the fallback format its copies will have. */
  measure(
    bytes: Uint8Array,
  ): Promise<{ width: number; height: number; fallbackType: 'image/jpeg' | 'image/png' }>;
  /**
   * The image's upright dimensions and its display copies, without any metadata: AVIF, WebP and
   * a fallback for older browsers (PNG when the image has transparency, else JPEG).
   */
  makeVariants(bytes: Uint8Array): Promise<{
    width: number;
    height: number;
    fallbackType: 'image/jpeg' | 'image/png';
    variants: ImageVariant[];
  }>;
}
