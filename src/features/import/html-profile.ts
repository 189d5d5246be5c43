import * as cheerio from 'cheerio';
import { z } from 'zod';
import { PUBLICATION_TYPES, type PublicationType } from '../../core/content-types.ts';
import { pasteToMarkdown } from '../../core/markdown/paste-to-markdown.ts';
import { sectionSlugSchema } from '../../core/slug.ts';
import { type ReadDate, readDate } from './import-dates.ts';
import { stripPastedStyles } from './listing-text.ts';

/**
 * A profile says where a saved site keeps each field. Every field is read from the entry's card
 * on the listing (`card`, selectors relative to the entry) or from its detail page (`detail`,
 * selectors over the whole page), and a list of sources is a fallback order: the first source
 * that yields something wins. `selector@attribute` reads an attribute instead of the text, and
 * `@attribute` alone reads the entry itself. Every object is strict: a misspelt key is refused
 * with its path, because a typo accepted silently would leave every body empty.
 */
const selector = z.string().min(1);
const selectors = z.union([selector, z.array(selector).min(1)]);

const source = z
  .strictObject({ card: selectors.optional(), detail: selectors.optional() })
  .refine((s) => (s.card === undefined) !== (s.detail === undefined), {
    message: 'a source names either card or detail, not both (list them in order instead)',
  });
const field = z.union([source, z.array(source).min(1)]);
export type FieldSpec = z.output<typeof field>;

const listSchema = z.strictObject({
  /** The element holding this list's entries; its entries are `entry` inside it. */
  container: selector,
  entry: selector,
  section: sectionSlugSchema,
  sectionTitle: z.string().min(1),
  type: z.enum(PUBLICATION_TYPES).default('article'),
  /** The language of every entry in this list, when the site keeps one list per language. */
  language: z.string().min(2).optional(),
});

const fieldsSchema = z.strictObject({
  title: field,
  subtitle: field.optional(),
  byline: field.optional(),
  date: field.optional(),
  summary: field.optional(),
  /** Every selector's matches, joined in order (the text, then its notes section). */
  body: field.optional(),
  /** The notes list, appended after the body so its footnote anchors find their notes. */
  notes: field.optional(),
  /** Links to the main PDF (the first one) and its companions. */
  pdf: field.optional(),
  /** Other files: supplements, data, annexes. */
  files: field.optional(),
  /** The piece's home elsewhere ("continue reading at …"). */
  link: field.optional(),
  /** Images to attach (`img@src`); images inside the body are attached by themselves. */
  images: field.optional(),
  topics: field.optional(),
  /** A language tag or name ("ko", "ko-KR", "Korean", "한국어"). */
  language: field.optional(),
  /** A label mapped to a publication type; an unmapped label keeps the list's type. */
  type: z
    .strictObject({
      select: field,
      map: z.record(z.string(), z.enum(PUBLICATION_TYPES)),
    })
    .optional(),
  /** What names an entry across runs; else its detail page's address. */
  key: field.optional(),
});

export const htmlProfileSchema = z.strictObject({
  name: z.string().min(1),
  /** The address the site was served from: links to it are read from the saved folder. */
  siteUrl: z.url().optional(),
  lists: z.array(listSchema).min(1),
  /** The link from a card to its detail page. */
  detailLink: selector.optional(),
  fields: fieldsSchema,
  /** Elements removed before reading (the disclaimer, share buttons), after `next` is read. */
  drop: z.array(selector).default([]),
  /** The link to the next page of a listing. */
  next: selector.optional(),
  status: z.enum(['published', 'draft']).default('published'),
  /** For plain-text copies of such a page: lines that are not content. */
  text: z
    .strictObject({
      /** A line that separates one list from the next (the pagination "1 2 3"). */
      listBreak: z.string().default('^\\s*\\d+(\\s+\\d+)+\\s*$'),
      /** Lines to drop wherever they stand (regular expressions). */
      dropLines: z.array(z.string()).default([]),
    })
    .default({ listBreak: '^\\s*\\d+(\\s+\\d+)+\\s*$', dropLines: [] }),
});
export type HtmlProfile = z.output<typeof htmlProfileSchema>;

/** A profile that does not parse, with every problem as `path: reason`. */
export class ProfileError extends Error {
  override name = 'ProfileError';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** The profile, or a ProfileError naming each unknown key by its full path. */
export function parseHtmlProfile(raw: unknown): HtmlProfile {
  const parsed = htmlProfileSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems: string[] = [];
  // An object with a misspelt key fails its other checks too; the misspelling is the news.
  const misspelt = new Set(
    parsed.error.issues
      .filter((i) => i.code === 'unrecognized_keys')
      .map((i) => i.path.map(String).join('.')),
  );
  for (const issue of parsed.error.issues) {
    const at = issue.path.map(String);
    if (issue.code !== 'unrecognized_keys' && misspelt.has(at.join('.'))) continue;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const near = RENAMED[key] ?? nearestKey(key, knownKeys(at));
        problems.push(
          `${[...at, key].join('.')}: unknown key${near ? ` (did you mean ${near}?)` : ''}`,
        );
      }
    } else {
      problems.push(`${at.join('.') || '(top)'}: ${issue.message}`);
    }
  }
  throw new ProfileError(problems);
}

/** Keys of the earlier profile shape, and what replaced them. */
const RENAMED: Record<string, string> = {
  pdfLink: 'pdf',
  externalLink: 'link',
  detailLink: 'detailLink at the top of the profile',
};

const KEYS: Record<string, string[]> = {
  '': Object.keys(htmlProfileSchema.shape),
  fields: Object.keys(fieldsSchema.shape),
  lists: Object.keys(listSchema.shape),
  text: ['listBreak', 'dropLines'],
  source: ['card', 'detail'],
};

function knownKeys(at: string[]): string[] {
  const named = at.filter((p) => !/^\d+$/.test(p));
  if (named.length === 0) return KEYS[''] ?? [];
  if (named.length === 1) return KEYS[named[0] ?? ''] ?? [];
  if (named[0] === 'fields' && named[2] === undefined && named[1] === 'type') {
    return ['select', 'map'];
  }
  return KEYS.source ?? [];
}

function nearestKey(key: string, known: string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance: "detial" is two edits from "detail". */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_v, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const same = a[i - 1] === b[j - 1] ? 0 : 1;
      next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + same);
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

/** One entry as read, before it is matched against the archive. */
export interface ListedEntry {
  list: number;
  /** The profile's key, or the detail page's path in the folder; null for a card alone. */
  key: string | null;
  /** The detail page's path in the folder, when there is one. */
  page: string | null;
  title: string | null;
  subtitle: string | null;
  byline: string;
  date: ReadDate | null;
  printedDate: string;
  summary: string | null;
  /** Markdown; images inside it point at `site:`-prefixed paths in the folder. */
  body: string;
  /** Paths in the folder (or addresses elsewhere), the main PDF first. */
  pdfs: string[];
  files: string[];
  /** Files the body links to (`site:`-prefixed in it), kept with the piece as supplements. */
  linkedFiles: string[];
  images: Array<{ path: string; alt: string | null }>;
  externalHref: string | null;
  topics: string[];
  /** From a field or a `lang` attribute on the entry or its text; null when unsaid. */
  language: string | null;
  /** The `lang` of the page as a whole, a template's default: weaker than the text itself. */
  pageLanguage: string | null;
  type: PublicationType | null;
  /** A type label the profile's map does not know. */
  unmappedType: string | null;
  /** Why this entry cannot be imported as read (its detail page is missing…). */
  problem: string | null;
}

/** A saved page read with the profile: the document after `drop`, and where it lies. */
export interface Page {
  $: cheerio.CheerioAPI;
  path: string;
}

/** A card on a listing page: its list, its element, its detail page's path. */
export interface Card {
  list: number;
  page: Page;
  element: Scope;
  detail: string | null;
}

type Scope = cheerio.Cheerio<never>;

const SITE = 'https://site.invalid/';

/**
 * A link as found on the page at `page` (a path in the folder): a path in the folder when it
 * points into the saved site (relative, root-relative, or under the profile's `siteUrl`; a
 * folder's address is its index.html), an address when it leads elsewhere, null when it is
 * only an anchor or not a web link.
 */
export function resolveLink(href: string, page: string, siteUrl?: string): string | null {
  const trimmed = href.trim();
  if (!trimmed || trimmed.startsWith('#')) return null;
  let url: URL;
  try {
    url = new URL(trimmed, SITE + page);
    if (siteUrl) {
      const home = new URL(siteUrl);
      if (url.host === home.host && url.pathname.startsWith(home.pathname)) {
        url = new URL(url.pathname.slice(home.pathname.length).replace(/^\/+/, ''), SITE);
      }
    }
  } catch {
    return null;
  }
  if (url.origin === new URL(SITE).origin) {
    let path = decodeURIComponent(url.pathname.replace(/^\/+/, ''));
    if (path === '' || path.endsWith('/')) path += 'index.html';
    return path;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
}

export function isLocal(link: string): boolean {
  return !/^https?:\/\//i.test(link);
}

/**
 * The cards of one saved listing page and the link to the next page. Pagination is read before
 * `drop` runs, so dropping the page's navigation cannot lose it.
 */
export function readListingPage(
  html: string,
  path: string,
  profile: HtmlProfile,
): { cards: Card[]; next: string | null } {
  const $ = cheerio.load(html);
  let next: string | null = null;
  if (profile.next) {
    const [sel, attr] = splitSelector(profile.next);
    const href = (sel ? $(sel) : $.root()).first().attr(attr ?? 'href');
    next = href ? resolveLink(href, path, profile.siteUrl) : null;
  }
  for (const d of [...profile.drop, ...NEVER_TEXT]) $(d).remove();
  const page: Page = { $, path };
  const cards: Card[] = [];
  profile.lists.forEach((list, index) => {
    $(list.container)
      .find(list.entry)
      .each((_i, el) => {
        const element = $(el) as unknown as Scope;
        const href = profile.detailLink ? attrOf(element, profile.detailLink, 'href') : null;
        const detail = href ? resolveLink(href, path, profile.siteUrl) : null;
        cards.push({
          list: index,
          page,
          element,
          detail: detail && isLocal(detail) ? detail : null,
        });
      });
  });
  return { cards, next: next && isLocal(next) ? next : null };
}

/** Style sheets and scripts: never a field's text, whatever a selector matches. */
const NEVER_TEXT = ['style', 'script', 'noscript', 'template'];

/** A saved detail page, its `drop` elements (and style sheets and scripts) removed. */
export function readDetailPage(html: string, path: string, profile: HtmlProfile): Page {
  const $ = cheerio.load(html);
  for (const d of [...profile.drop, ...NEVER_TEXT]) $(d).remove();
  return { $, path };
}

function splitSelector(spec: string): [string, string | undefined] {
  const at = spec.lastIndexOf('@');
  // `a[href^="mailto:x@y"]` keeps its @: only a trailing @name is an attribute.
  if (at < 0 || !/^[\w:-]+$/.test(spec.slice(at + 1))) return [spec.trim(), undefined];
  return [spec.slice(0, at).trim(), spec.slice(at + 1)];
}

function attrOf(root: Scope, spec: string, fallbackAttr: string): string | null {
  const [sel, attr] = splitSelector(spec);
  const el = sel ? root.find(sel).first() : root;
  return el.attr(attr ?? fallbackAttr)?.trim() || null;
}

interface Found {
  value: string;
  element: Scope;
  page: Page;
}

/**
 * What a field's sources find: from the first source that finds anything, each selector's
 * matches in order (`many`), or only the first value.
 */
function find(fieldSpec: FieldSpec | undefined, card: Card, detail: Page | null, many: boolean) {
  if (!fieldSpec) return [];
  for (const s of Array.isArray(fieldSpec) ? fieldSpec : [fieldSpec]) {
    const spec = s.card ?? s.detail ?? [];
    const where = s.card !== undefined ? card.page : detail;
    if (!where) continue;
    const root = s.card !== undefined ? card.element : (where.$.root() as unknown as Scope);
    const found: Found[] = [];
    for (const one of Array.isArray(spec) ? spec : [spec]) {
      const [sel, attr] = splitSelector(one);
      const matches = sel ? root.find(sel) : root;
      matches.each((_i, el) => {
        const element = where.$(el) as unknown as Scope;
        const raw = attr ? element.attr(attr) : element.text();
        const value = raw?.replace(/\s+/g, ' ').trim();
        if (value) found.push({ value, element, page: where });
      });
      if (!many && found.length > 0) return found.slice(0, 1);
    }
    if (found.length > 0) return found;
  }
  return [];
}

function text(fieldSpec: FieldSpec | undefined, card: Card, detail: Page | null): string | null {
  return find(fieldSpec, card, detail, false)[0]?.value ?? null;
}

function links(
  fieldSpec: FieldSpec | undefined,
  card: Card,
  detail: Page | null,
  profile: HtmlProfile,
): string[] {
  const out: string[] = [];
  for (const f of find(fieldSpec, card, detail, true)) {
    const link = resolveLink(f.value, f.page.path, profile.siteUrl);
    if (link && !out.includes(link)) out.push(link);
  }
  return out;
}

/**
 * The body's HTML: every match of every selector of the first source that has one, joined in
 * order, without style sheets or scripts, its images pointed at their files in the folder.
 */
function bodyHtml(
  fieldSpec: FieldSpec | undefined,
  card: Card,
  detail: Page | null,
  profile: HtmlProfile,
): {
  html: string;
  images: Array<{ path: string; alt: string | null }>;
  files: string[];
  lang: string | null;
} {
  const parts: string[] = [];
  const images: Array<{ path: string; alt: string | null }> = [];
  const files: string[] = [];
  let lang: string | null = null;
  if (!fieldSpec) return { html: '', images, files, lang };
  for (const s of Array.isArray(fieldSpec) ? fieldSpec : [fieldSpec]) {
    const spec = s.card ?? s.detail ?? [];
    const where = s.card !== undefined ? card.page : detail;
    if (!where) continue;
    const root = s.card !== undefined ? card.element : (where.$.root() as unknown as Scope);
    for (const one of Array.isArray(spec) ? spec : [spec]) {
      const [sel] = splitSelector(one);
      root.find(sel).each((_i, el) => {
        lang ??= ownLanguage(where.$(el) as unknown as Scope);
        // A copy: the page stays as saved for the fields read after the body (links, files).
        const element = where.$(el).clone();
        element.find('img[src]').each((_j, img) => {
          const image = where.$(img);
          const path = resolveLink(image.attr('src') ?? '', where.path, profile.siteUrl);
          if (path && isLocal(path)) {
            image.attr('src', `site:${encodeURI(path)}`);
            images.push({ path, alt: image.attr('alt')?.trim() || null });
          }
        });
        // Links to files saved with the site are kept with the piece; links to its pages lead
        // to the old site's address, since the page they named is not here any more.
        element.find('a[href]').each((_j, a) => {
          const anchor = where.$(a);
          const path = resolveLink(anchor.attr('href') ?? '', where.path, profile.siteUrl);
          if (!path || !isLocal(path)) return;
          if (/\.(pdf|docx?|xlsx?|csv|zip|pptx?|png|jpe?g|gif|webp)$/i.test(path)) {
            anchor.attr('href', `site:${encodeURI(path)}`);
            if (!files.includes(path)) files.push(path);
          } else if (profile.siteUrl) {
            anchor.attr(
              'href',
              new URL(path.replace(/(^|\/)index\.html$/, '$1'), profile.siteUrl).href,
            );
          }
        });
        parts.push(where.$.html(element));
      });
    }
    if (parts.length > 0) break;
  }
  return { html: parts.join('\n'), images, files, lang };
}

/** A `lang` on the element or an ancestor below `<html>` (whose `lang` is a page default). */
function ownLanguage(element: Scope): string | null {
  const holder = element.closest('[lang]');
  if (holder.length === 0 || holder.is('html')) return null;
  return languageTag(holder.attr('lang') ?? '');
}

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  korean: 'ko',
  한국어: 'ko',
  한글: 'ko',
  영어: 'en',
  국문: 'ko',
  영문: 'en',
};

/** "ko-KR", "KO", "Korean", "한국어" → "ko"; null for what is not a language. */
export function languageTag(value: string): string | null {
  const v = value.trim().toLowerCase();
  if (LANGUAGE_NAMES[v]) return LANGUAGE_NAMES[v] ?? null;
  const m = /^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*$/.exec(v);
  return m?.[1] ?? null;
}

/**
 * Markdown from the body's HTML and its notes list (the converter turns anchors to the notes
 * into footnotes with their definitions), without style rules pasted in as text (`p.p1 {…}`).
 */
function toMarkdown(html: string, notes: string): string {
  if (!html && !notes) return '';
  return pasteToMarkdown(html, notes ? { notes } : {})
    .split('\n\n')
    .map((p) => (/^(?:\s{4}|```|\|)/.test(p) ? p : stripPastedStyles(p)))
    .filter(Boolean)
    .join('\n\n');
}

/** One entry read from its card and, when it has one, its detail page. */
export function readEntry(profile: HtmlProfile, card: Card, detail: Page | null): ListedEntry {
  const f = profile.fields;
  const printed = text(f.date, card, detail) ?? '';
  const body = bodyHtml(f.body, card, detail, profile);
  const notes = bodyHtml(f.notes, card, detail, profile);
  const list = profile.lists[card.list];
  const label = f.type ? text(f.type.select, card, detail) : null;
  const mapped = label ? mapLabel(label, f.type?.map ?? {}) : null;
  const key = text(f.key, card, detail);
  const imageField = find(f.images, card, detail, true).flatMap((found) => {
    const path = resolveLink(found.value, found.page.path, profile.siteUrl);
    return path && isLocal(path) ? [{ path, alt: found.element.attr('alt')?.trim() || null }] : [];
  });
  const images = [...imageField, ...body.images, ...notes.images].filter(
    (img, i, all) => all.findIndex((x) => x.path === img.path) === i,
  );
  const languageValue = text(f.language, card, detail);
  const pageLang = (detail ?? card.page).$('html').attr('lang');
  return {
    list: card.list,
    // An address (a canonical link) is resolved like any link; another key is kept as written.
    key:
      key && /^(https?:|\/|\.)/.test(key)
        ? (resolveLink(key, (detail ?? card.page).path, profile.siteUrl) ?? key)
        : key,
    page: detail?.path ?? null,
    title: text(f.title, card, detail),
    subtitle: text(f.subtitle, card, detail),
    byline: text(f.byline, card, detail) ?? '',
    date: printed ? readDate(printed) : null,
    printedDate: printed,
    summary: text(f.summary, card, detail),
    body: toMarkdown(body.html, notes.html),
    pdfs: links(f.pdf, card, detail, profile),
    files: links(f.files, card, detail, profile),
    linkedFiles: [...body.files, ...notes.files].filter((x, i, all) => all.indexOf(x) === i),
    images,
    externalHref: links(f.link, card, detail, profile).find((l) => !isLocal(l)) ?? null,
    topics: find(f.topics, card, detail, true)
      .map((t) => t.value)
      .filter((t, i, all) => all.indexOf(t) === i),
    language:
      (languageValue ? languageTag(languageValue) : null) ??
      (list?.language ? languageTag(list.language) : null) ??
      ownLanguage(card.element) ??
      body.lang,
    pageLanguage: pageLang ? languageTag(pageLang) : null,
    type: mapped,
    unmappedType: label && !mapped ? label : null,
    problem: null,
  };
}

function mapLabel(label: string, map: Record<string, PublicationType>): PublicationType | null {
  const wanted = label.trim().toLowerCase();
  for (const [k, v] of Object.entries(map)) if (k.trim().toLowerCase() === wanted) return v;
  return null;
}
