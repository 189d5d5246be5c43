/** A resized copy of an uploaded image, one of the `srcset` of its `<picture>`. */
export interface ImageVariant {
  bytes: Uint8Array;
  mediaType: 'image/webp' | 'image/avif';
  width: number;
  height: number;
}

/**
 * Decodes and re-encodes uploaded images. The implementation decodes untrusted bytes with a
 * limit on their pixels; an image it cannot read is an error, never a crash.
 */
export interface ImageTools {
  /** The image's upright dimensions and its display copies, without any metadata. */
  makeVariants(
    bytes: Uint8Array,
  ): Promise<{ width: number; height: number; variants: ImageVariant[] }>;
}
