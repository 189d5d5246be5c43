import { z } from 'zod';
import { PUBLICATION_TYPES } from '../../core/content-types.ts';
import { PUBLICATION_STATUSES } from '../../core/publication-status.ts';
import { sectionSlugSchema, slugify } from '../../core/slug.ts';

/**
 * How a WordPress site's content lands in the archive: which post types become publications in
 * which section and of which type, whether categories and tags become topics or choose the
 * section, and how WordPress statuses read. Given with `--map mapping.json`; every field has a
 * default, so `{}` is a valid mapping.
 */
const target = z.object({
  section: sectionSlugSchema,
  type: z.enum(PUBLICATION_TYPES).default('article'),
});

export const wxrMappingSchema = z.object({
  postTypes: z.record(z.string(), target).default({
    post: { section: 'articles', type: 'article' },
    page: { section: 'pages', type: 'page' },
  }),
  /** A category (by its slug) that sends a post to another section and type. First match wins. */
  categorySections: z.record(z.string(), target).default({}),
  /** What categories and tags become. */
  categories: z.enum(['topics', 'ignore']).default('topics'),
  tags: z.enum(['topics', 'ignore']).default('topics'),
  /** Titles for sections the import creates. */
  sectionTitles: z.record(z.string(), z.string().min(1)).default({}),
  statuses: z.record(z.string(), z.enum(PUBLICATION_STATUSES)).default({
    publish: 'published',
    future: 'scheduled',
    draft: 'draft',
    pending: 'in-review',
    private: 'draft',
  }),
  /** Keep old permalinks as redirects to the new addresses. */
  redirects: z.boolean().default(true),
});
export type WxrMapping = z.output<typeof wxrMappingSchema>;

export const DEFAULT_WXR_MAPPING: WxrMapping = wxrMappingSchema.parse({});

export type ItemPlan =
  | {
      kind: 'publication';
      section: string;
      type: (typeof PUBLICATION_TYPES)[number];
      status: (typeof PUBLICATION_STATUSES)[number];
      /** Why an editor must look at it before it goes out (its needs-attention note), or null. */
      attention: string | null;
    }
  | { kind: 'attachment' }
  | { kind: 'skip'; reason: string };

/**
 * A password-protected post was meant for the few who had the password. The archive has no such
 * gate, so the post comes in as a draft, its text kept for an editor to judge, never published
 * by the import whatever the mapping says of its status.
 */
export const PASSWORD_PROTECTED_NOTE =
  'Password-protected on WordPress: imported as a draft so that its text stays unpublished. Decide whether it may be public before publishing it.';

/** What becomes of one item, decided from its type, status, password and categories alone. */
export function planItem(
  item: {
    postType: string;
    status: string;
    postPassword?: string;
    categories: Array<{ domain: string; nicename: string }>;
  },
  mapping: WxrMapping,
): ItemPlan {
  if (item.postType === 'attachment') return { kind: 'attachment' };
  const base = mapping.postTypes[item.postType];
  if (!base)
    return { kind: 'skip', reason: `post type "${item.postType || '(none)'}" is not mapped` };
  const status = mapping.statuses[item.status];
  if (!status)
    return { kind: 'skip', reason: `status "${item.status || '(none)'}" is not imported` };
  const byCategory = item.categories
    .filter((c) => c.domain === 'category')
    .map((c) => mapping.categorySections[c.nicename])
    .find((t) => t !== undefined);
  const chosen = byCategory ?? base;
  const protectedByPassword = (item.postPassword ?? '') !== '';
  return {
    kind: 'publication',
    section: chosen.section,
    type: chosen.type,
    status: protectedByPassword ? 'draft' : status,
    attention: protectedByPassword ? PASSWORD_PROTECTED_NOTE : null,
  };
}

/** A section title for a slug the mapping does not name: "press-releases" → "Press releases". */
export function sectionTitle(slug: string, mapping: WxrMapping): string {
  const named = mapping.sectionTitles[slug];
  if (named) return named;
  const words = slug.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A WordPress date ("2013-01-10 20:15:40", local or GMT) as an ISO instant. The GMT field is
 * all zeros for drafts; then the local time is read as UTC. Null when neither is a date.
 */
export function wordpressInstant(gmt: string, local: string): string | null {
  for (const value of [gmt, local]) {
    const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
    if (!m || m[1] === '0000') continue;
    const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`);
    if (!Number.isNaN(d.getTime())) return d.toISOString();
  }
  return null;
}

/** The path of an old permalink, when it is one a redirect can answer (no query string). */
export function permalinkPath(link: string): string | null {
  try {
    const url = new URL(link);
    if (url.search || url.pathname === '/' || url.pathname === '') return null;
    return decodeURI(url.pathname).replace(/^\/+/, '/');
  } catch {
    return null;
  }
}

/** A slug for a post: its own post_name when usable, else from the title, else from its id. */
export function postSlug(postName: string, title: string, postId: string): string {
  const own = slugify(decodeSafe(postName), '');
  if (own) return own;
  return slugify(title, `post-${postId}`);
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
