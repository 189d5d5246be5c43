import { romanize } from 'es-hangul';
import { z } from 'zod';

/**
 * Top-level path segments that belong to the application. A section may never take one, or its
 * listing would shadow (or be shadowed by) a built-in route.
 */
export const RESERVED_SECTION_SLUGS: ReadonlySet<string> = new Set([
  'people',
  'topics',
  'places',
  'years',
  'search',
  'ko',
  'admin',
  'api',
  'iiif',
  'oai',
  'feed',
  'sitemap',
  'healthz',
  'assets',
  'images',
  'identity',
]);

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slugSchema = z
  .string()
  .min(1, 'A slug cannot be empty')
  .max(120, 'A slug is at most 120 characters')
  .regex(SLUG_PATTERN, 'Use lower-case letters, digits and single hyphens');

export const sectionSlugSchema = slugSchema.refine((s) => !RESERVED_SECTION_SLUGS.has(s), {
  message: 'This word is reserved for the site itself',
});

/**
 * Makes a URL-safe slug from any title. Diacritics are folded (Hamgyŏng → hamgyong); Hangul is
 * written in the Revised Romanization, with its sound changes, as a title is read
 * (북한인권 보고서 → bukanningwon-bogoseo), so two Korean titles never share a fallback. Scripts
 * with no Latin form here are kept out, and a title of nothing else falls back to `fallback`.
 */
export function slugify(text: string, fallback = 'item'): string {
  const slug = text
    .replace(/[\uac00-\ud7a3]+/g, (hangul) => ` ${romanize(hangul)} `)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’ʼ‘]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug || fallback;
}
