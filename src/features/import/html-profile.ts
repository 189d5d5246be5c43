import * as cheerio from 'cheerio';
import { z } from 'zod';
import { PUBLICATION_TYPES } from '../../core/content-types.ts';
import { pasteToMarkdown } from '../../core/markdown/paste-to-markdown.ts';
import { sectionSlugSchema } from '../../core/slug.ts';
import { printedDate } from './bylines.ts';

/**
 * A profile says where a saved site keeps each field. Selectors are CSS, relative to an entry;
 * `selector@attribute` reads an attribute instead of the text. One profile can hold several
 * lists (one per section of the archive) on the same pages.
 */
const selector = z.string().min(1);

const listSchema = z.object({
  /** The element holding this list's entries; its entries are `entry` inside it. */
  container: selector,
  entry: selector,
  section: sectionSlugSchema,
  sectionTitle: z.string().min(1),
  type: z.enum(PUBLICATION_TYPES).default('article'),
});

export const htmlProfileSchema = z.object({
  name: z.string().min(1),
  lists: z.array(listSchema).min(1),
  fields: z.object({
    title: selector,
    byline: selector,
    date: selector,
    summary: selector.optional(),
    body: selector.optional(),
    pdfLink: selector.optional(),
    externalLink: selector.optional(),
    detailLink: selector.optional(),
  }),
  /** Inside a saved detail page: where its text is. */
  detail: z.object({ body: selector, summary: selector.optional() }).optional(),
  /** Elements removed before reading (the disclaimer paragraph, share buttons…). */
  drop: z.array(selector).default([]),
  /** The link to the next page of a listing. */
  next: selector.optional(),
  status: z.enum(['published', 'draft']).default('published'),
  /** For plain-text copies of such a page: lines that are not content. */
  text: z
    .object({
      /** A line that separates one list from the next (the pagination "1 2 3"). */
      listBreak: z.string().default('^\\s*\\d+(\\s+\\d+)+\\s*$'),
      /** Lines to drop wherever they stand (regular expressions). */
      dropLines: z.array(z.string()).default([]),
      /** Lines before the first entry (breadcrumbs, headings) are skipped. */
    })
    .default({ listBreak: '^\\s*\\d+(\\s+\\d+)+\\s*$', dropLines: [] }),
});
export type HtmlProfile = z.output<typeof htmlProfileSchema>;

export interface ListedEntry {
  list: number;
  title: string | null;
  byline: string;
  /** YYYY-MM-DD */
  date: string | null;
  printedDate: string;
  summary: string | null;
  /** Markdown. */
  body: string;
  pdfHref: string | null;
  externalHref: string | null;
  detailHref: string | null;
}

function read(root: cheerio.Cheerio<never>, spec: string | undefined): string | null {
  if (!spec) return null;
  const [sel, attr] = spec.split('@');
  const el = root.find(sel ?? '').first();
  if (el.length === 0) return null;
  const value = attr ? el.attr(attr) : el.text();
  const clean = value?.replace(/\s+/g, ' ').trim();
  return clean || null;
}

function readHtml(root: cheerio.Cheerio<never>, spec: string | undefined): string | null {
  if (!spec) return null;
  const el = root.find(spec).first();
  return el.length > 0 ? (el.html() ?? null) : null;
}

/** The entries of one saved listing page, and the link to the next page. */
export function readListingPage(
  html: string,
  profile: HtmlProfile,
): { entries: ListedEntry[]; next: string | null } {
  const $ = cheerio.load(html);
  for (const d of profile.drop) $(d).remove();
  const entries: ListedEntry[] = [];
  profile.lists.forEach((list, index) => {
    $(list.container)
      .find(list.entry)
      .each((_i, el) => {
        const root = $(el) as unknown as cheerio.Cheerio<never>;
        const date = read(root, profile.fields.date) ?? '';
        const bodyHtml = readHtml(root, profile.fields.body);
        entries.push({
          list: index,
          title: read(root, profile.fields.title),
          byline: read(root, profile.fields.byline) ?? '',
          date: printedDate(date),
          printedDate: date,
          summary: read(root, profile.fields.summary),
          body: bodyHtml ? pasteToMarkdown(bodyHtml) : '',
          pdfHref: read(root, profile.fields.pdfLink),
          externalHref: read(root, profile.fields.externalLink),
          detailHref: read(root, profile.fields.detailLink),
        });
      });
  });
  const nextSpec = profile.next;
  let next: string | null = null;
  if (nextSpec) {
    const [sel, attr] = nextSpec.split('@');
    next =
      $(sel ?? '')
        .first()
        .attr(attr ?? 'href') ?? null;
  }
  return { entries, next };
}

/** A saved detail page's text as Markdown. */
export function readDetailPage(
  html: string,
  profile: HtmlProfile,
): { body: string; summary: string | null } {
  if (!profile.detail) return { body: '', summary: null };
  const $ = cheerio.load(html);
  for (const d of profile.drop) $(d).remove();
  const body = $(profile.detail.body).first().html() ?? '';
  const summary = profile.detail.summary
    ? $(profile.detail.summary).first().text().trim() || null
    : null;
  return { body: body ? pasteToMarkdown(body) : '', summary };
}
