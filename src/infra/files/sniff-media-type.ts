/**
 * Decides a file's type from its first bytes, never from its name or the client's word. Only the
 * types the archive serves are recognized; anything else is refused by the caller.
 */
export const SNIFF_BYTES = 1024;

export type AllowedMediaType =
  | 'application/pdf'
  | 'image/png'
  | 'image/jpeg'
  | 'image/webp'
  | 'image/avif'
  | 'image/tiff';

export function sniffMediaType(head: Uint8Array): AllowedMediaType | null {
  const starts = (bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
  // ISO 32000 lets "%PDF-" appear anywhere in the first 1024 bytes; readers accept that too.
  if (indexOf(head, [0x25, 0x50, 0x44, 0x46, 0x2d]) !== -1) return 'application/pdf';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  // AVIF is an ISO media file: a 'ftyp' box whose major brand is avif (still) or avis (sequence).
  if (
    starts([0x66, 0x74, 0x79, 0x70], 4) &&
    (starts([0x61, 0x76, 0x69, 0x66], 8) || starts([0x61, 0x76, 0x69, 0x73], 8))
  ) {
    return 'image/avif';
  }
  // TIFF and BigTIFF, either byte order: satellite scenes (GeoTIFF) only, see features/imagery.
  if (starts([0x49, 0x49, 0x2a, 0x00]) || starts([0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (starts([0x49, 0x49, 0x2b, 0x00]) || starts([0x4d, 0x4d, 0x00, 0x2b])) return 'image/tiff';
  return null;
}

function indexOf(haystack: Uint8Array, needle: number[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

export const EXTENSION_FOR: Record<AllowedMediaType, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/tiff': 'tif',
};
