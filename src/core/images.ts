import { z } from 'zod';

/**
 * One image as the archive describes it: a figure in a report, a person's photo, and (later) a
 * satellite scene, which keeps its own facts in a table keyed by the image's id. The bytes are a
 * stored file whose metadata was stripped on upload; the display copies are its derivatives.
 *
 * An image belongs to at most one publication (a figure, uploaded in its editor) or one person
 * (their photo), and is public only through that owner (features/reading/loaders/public-image.ts).
 */
export interface ImageRecord {
  id: number;
  storedFileId: number;
  /** Upright pixel size of the stored original. */
  width: number;
  height: number;
  /** The format of the copies for browsers without AVIF or WebP. */
  fallbackType: ImageFallbackType;
  alt: string | null;
  altKo: string | null;
  /** Adds nothing the text does not say: shown with empty alt text, on purpose. */
  decorative: boolean;
  caption: string | null;
  captionKo: string | null;
  credit: string | null;
  source: string | null;
  /** The day the picture was taken or the scene acquired (YYYY-MM-DD), when known. */
  takenOn: string | null;
  publicationId: number | null;
  personId: number | null;
  createdAt: string;
  updatedAt: string;
}

export type ImageFallbackType = 'image/jpeg' | 'image/png';

/** Widths of the display copies (srcset); none is made wider than the original. */
export const IMAGE_WIDTHS = [480, 960, 1600] as const;

/** The widths an image of this width has copies at: the standard ones below it, and its own up to the largest. */
export function imageWidths(width: number): number[] {
  const widths: number[] = IMAGE_WIDTHS.filter((w) => w < width);
  if (widths.length < IMAGE_WIDTHS.length) widths.push(Math.min(width, IMAGE_WIDTHS.at(-1)!));
  return [...new Set(widths)];
}

/** The display formats, best first, as `<source>` elements offer them. */
export const IMAGE_FORMATS = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpg: 'image/jpeg',
  png: 'image/png',
} as const;
export type ImageExtension = keyof typeof IMAGE_FORMATS;

export function fallbackExtension(type: ImageFallbackType): ImageExtension {
  return type === 'image/png' ? 'png' : 'jpg';
}

/** A display copy's address on this site: /images/{id}/{width}.{avif|webp|jpg|png}. */
export function imagePath(id: number, width: number, extension: ImageExtension): string {
  return `/images/${id}/${width}.${extension}`;
}

/** A display copy's address parsed back, or null when it cannot name one. */
export function parseImageFile(
  name: string,
): { width: number; extension: ImageExtension; mediaType: string } | null {
  const match = /^([1-9][0-9]{0,4})\.(avif|webp|jpg|png)$/.exec(name);
  if (!match) return null;
  const extension = match[2] as ImageExtension;
  return { width: Number(match[1]), extension, mediaType: IMAGE_FORMATS[extension] };
}

/** What a `<picture>` needs: one srcset per format, the fallback `src`, and the size. */
export interface PictureSources {
  sources: Array<{ type: string; srcset: string }>;
  fallback: { src: string; srcset: string };
  width: number;
  height: number;
}

export function pictureSources(
  image: Pick<ImageRecord, 'id' | 'width' | 'height' | 'fallbackType'>,
  maxWidth = Number.POSITIVE_INFINITY,
): PictureSources {
  const all = imageWidths(image.width);
  const widths = all.filter((w) => w <= maxWidth);
  if (widths.length === 0) widths.push(all[0]!);
  const srcset = (ext: ImageExtension) =>
    widths.map((w) => `${imagePath(image.id, w, ext)} ${w}w`).join(', ');
  const fallback = fallbackExtension(image.fallbackType);
  const middle = widths[Math.min(1, widths.length - 1)]!;
  return {
    sources: [
      { type: 'image/avif', srcset: srcset('avif') },
      { type: 'image/webp', srcset: srcset('webp') },
    ],
    fallback: { src: imagePath(image.id, middle, fallback), srcset: srcset(fallback) },
    width: image.width,
    height: image.height,
  };
}

/** The words shown with an image in a language, falling back to English. */
export function imageText(image: ImageRecord, locale: 'en' | 'ko') {
  const pick = (en: string | null, ko: string | null) =>
    locale === 'ko' ? (ko ?? en) : (en ?? ko);
  return {
    alt: image.decorative ? '' : (pick(image.alt, image.altKo) ?? ''),
    caption: pick(image.caption, image.captionKo),
  };
}

/** Optional words an editor types: trimmed, NFC, at most `max` characters; empty is none. */
export const optionalText = (max: number) =>
  z
    .string()
    .max(max, `At most ${max} characters`)
    .nullish()
    .transform((s) => {
      const trimmed = s?.normalize('NFC').trim();
      return trimmed ? trimmed : null;
    });

/**
 * The words an editor gives an image. Alt text is required in the language the image is shown
 * in (`altIn`) unless the image is marked decorative, when it must have none.
 */
export const imageWordsInput = z
  .object({
    alt: optionalText(1000),
    altKo: optionalText(1000),
    decorative: z.boolean().default(false),
    caption: optionalText(2000),
    captionKo: optionalText(2000),
    credit: optionalText(300),
    source: optionalText(500),
    takenOn: z
      .string()
      .nullish()
      .transform((s) => (s?.trim() ? s.trim() : null))
      .refine(
        (s) => s === null || (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s))),
        {
          message: 'A date as YYYY-MM-DD',
        },
      ),
    altIn: z.enum(['en', 'ko']).default('en'),
  })
  .superRefine((v, ctx) => {
    if (v.decorative) return;
    const key = v.altIn === 'ko' ? 'altKo' : 'alt';
    if (!v[key]) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message:
          v.altIn === 'ko'
            ? 'Alt text in Korean is required (or mark the image decorative)'
            : 'Alt text is required (or mark the image decorative)',
      });
    }
  })
  .transform(({ altIn: _altIn, ...v }) => (v.decorative ? { ...v, alt: null, altKo: null } : v));
export type ImageWordsInput = z.input<typeof imageWordsInput>;
export type ImageWords = z.output<typeof imageWordsInput>;

/** A figure's reference in Markdown: `![…](figure:12)` on a line of its own. */
export const FIGURE_REFERENCE = /!\[[^\]\n]*\]\(figure:([1-9][0-9]{0,9})\)/g;

/** The ids of the figures a Markdown body places, in order, each once. */
export function figureIdsIn(markdown: string): number[] {
  return [...new Set([...markdown.matchAll(FIGURE_REFERENCE)].map((m) => Number(m[1])))];
}
