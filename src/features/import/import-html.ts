import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, normalize, sep } from 'node:path';
import type { Actor } from '../../core/actor.ts';
import { CONTRIBUTION_ROLES, type ContributionRole, LANGUAGES } from '../../core/content-types.ts';
import { safeFileName } from '../../core/file-name.ts';
import { slugify } from '../../core/slug.ts';
import { longDate, parseByline, personSlug, printedLabel, sortNameOf } from './bylines.ts';
import {
  type Card,
  type HtmlProfile,
  isLocal,
  type ListedEntry,
  readDetailPage,
  readEntry,
  readListingPage,
} from './html-profile.ts';
import { CONFLICT, type ImportDeps, ImportSession } from './import-session.ts';
import type { EntryReport, ImportSummary } from './import-summary.ts';
import { readListingText } from './listing-text.ts';

export interface HtmlImportOptions {
  /** A folder of saved pages, one saved page, or a plain-text copy of one (.txt). */
  path: string;
  profile: HtmlProfile;
  dryRun: boolean;
  actor: Actor;
  /** Update pieces edited in Dossier since their import too (else they are left alone). */
  overwrite?: boolean;
  /**
   * The archive's language detection (the one the PDF pipeline uses), for entries whose
   * profile, list and markup do not say their language.
   */
  detectLanguage?: (text: string) => string | null;
  onProgress?: (done: number, total: number) => void;
}

/** An entry as read, or a page of the site that could not be read. */
type Read = { entry: ListedEntry } | { missingPage: string; from: string };

/**
 * Imports a hand-made site from saved pages, read through a profile. Listing pages are followed
 * by their "next" links; each card becomes a publication in its list's section, read from the
 * card and its detail page, its byline people with the affiliation printed on the entry (the
 * same name is the same person across entries and runs), its PDFs, files and images stored
 * when they were saved beside the pages. Every entry is reported with what it became.
 */
export async function importHtmlSite(
  deps: ImportDeps,
  options: HtmlImportOptions,
): Promise<ImportSummary> {
  const { profile } = options;
  const info = await stat(options.path);
  const folder = info.isDirectory() ? options.path : dirname(options.path);
  const read: Read[] = info.isDirectory()
    ? await readFolder(options.path, profile)
    : options.path.endsWith('.txt')
      ? readListingText(await readFile(options.path, 'utf8'), profile).map((entry) => ({ entry }))
      : await readSite(folder, basename(options.path), profile);

  const session = new ImportSession(deps, {
    source: `html:${profile.name}`,
    dryRun: options.dryRun,
    actor: options.actor,
    keepEdits: !options.overwrite,
  });
  options.onProgress?.(0, read.length);
  let done = 0;
  for (const r of read) {
    if ('entry' in r) await importEntry(session, folder, options, r.entry);
    else {
      session.summary.entry({
        ...EMPTY_REPORT,
        outcome: 'skipped',
        reason: `listing page not saved in the folder (linked from ${r.from}); its entries are missing`,
        title: `listing page ${r.missingPage}`,
        key: `page:${r.missingPage}`,
      });
    }
    options.onProgress?.(++done, read.length);
  }
  await session.finish({
    path: basename(options.path),
    profile: profile.name,
    entries: read.length,
  });
  return session.summary.build();
}

const EMPTY_REPORT: EntryReport = {
  outcome: 'skipped',
  reason: null,
  title: '',
  date: null,
  authors: [],
  language: '—',
  type: '—',
  files: [],
  key: '',
};

async function readFolder(folder: string, profile: HtmlProfile): Promise<Read[]> {
  const names = (await readdir(folder)).filter((n) => /\.html?$/i.test(n)).sort();
  const start = names.find((n) => /^index\.html?$/i.test(n)) ?? names[0];
  return start ? readSite(folder, start, profile) : [];
}

/**
 * Reads listing pages from `start`, following "next" links inside the folder, each page once;
 * every link is resolved against the page that holds it. A card's detail page that is not in
 * the folder makes that entry a problem, never an entry with an empty body.
 */
async function readSite(folder: string, start: string, profile: HtmlProfile): Promise<Read[]> {
  const out: Read[] = [];
  const seen = new Set<string>();
  const queue: Array<{ path: string; from: string }> = [{ path: start, from: 'the command' }];
  while (queue.length > 0) {
    const { path: name, from } = queue.shift() ?? { path: '', from: '' };
    if (seen.has(name)) continue;
    seen.add(name);
    const file = inside(folder, name);
    if (!file || !(await exists(file))) {
      out.push({ missingPage: name, from });
      continue;
    }
    const page = readListingPage(await readFile(file, 'utf8'), name, profile);
    for (const card of page.cards) out.push({ entry: await readCard(folder, profile, card) });
    if (page.next) queue.push({ path: page.next, from: name });
  }
  return out;
}

async function readCard(folder: string, profile: HtmlProfile, card: Card): Promise<ListedEntry> {
  if (!card.detail) return readEntry(profile, card, null);
  const file = inside(folder, card.detail);
  if (file && (await exists(file))) {
    return readEntry(
      profile,
      card,
      readDetailPage(await readFile(file, 'utf8'), card.detail, profile),
    );
  }
  return {
    ...readEntry(profile, card, null),
    page: card.detail,
    problem: `its detail page ${card.detail} is not saved in the folder`,
  };
}

/** The language an entry is stored in: said by the profile or markup, else detected. */
function languageOf(entry: ListedEntry, detect: HtmlImportOptions['detectLanguage']): string {
  if (entry.language) return entry.language;
  const sample = [entry.title, entry.summary, entry.body].filter(Boolean).join('\n');
  const detected = detect?.(sample) ?? null;
  // Only a language the archive serves: a short English text is sometimes taken for Scots.
  if (detected && (LANGUAGES as readonly string[]).includes(detected)) return detected;
  if (/\p{Script=Hangul}/u.test(entry.title ?? '') && !/[A-Za-z]{3}/.test(entry.title ?? '')) {
    return 'ko';
  }
  return entry.pageLanguage ?? 'en';
}

/**
 * The slug of an entry: from its title when the title is written in Latin letters, else from
 * the name of its detail page (a Hangul title has no slug of its own), else from its date.
 */
function slugOf(entry: ListedEntry): string {
  if (!entry.title) return `untitled-${entry.date?.day ?? 'undated'}`;
  const latin = (entry.title.match(/[A-Za-z]/g) ?? []).length;
  const letters = (entry.title.match(/\p{L}/gu) ?? []).length;
  if (latin >= letters / 2) return slugify(entry.title);
  // A title in another script takes the name the site gave its page in Latin letters, else a
  // Hangul title its Revised Romanization.
  if (entry.page) {
    const name = basename(entry.page, extname(entry.page));
    const stem = name === 'index' ? basename(dirname(entry.page)) : name;
    const slug = slugify(stem, '');
    if (slug && /[a-z]/.test(slug)) return slug;
  }
  if (/[\uac00-\ud7a3]/.test(entry.title))
    return slugify(entry.title).slice(0, 80).replace(/-+$/, '');
  const hash = createHash('sha256').update(entry.title).digest('hex').slice(0, 8);
  return `${entry.date?.day ?? 'undated'}-${hash}`;
}

/** What sites print for "no date". */
const UNDATED = /^\s*(n\.\s?d\.?|undated|no date|date unknown|날짜\s*없음|미상)\s*$/i;

function storedDate(entry: ListedEntry): string | null {
  if (!entry.date) return null;
  if (entry.date.precision === 'year') return entry.date.day.slice(0, 4);
  if (entry.date.precision === 'month') return entry.date.day.slice(0, 7);
  return entry.date.day;
}

function roleOf(person: object): ContributionRole {
  const role = 'role' in person ? person.role : undefined;
  return typeof role === 'string' && (CONTRIBUTION_ROLES as readonly string[]).includes(role)
    ? (role as ContributionRole)
    : 'author';
}

async function importEntry(
  session: ImportSession,
  folder: string,
  options: HtmlImportOptions,
  entry: ListedEntry,
): Promise<void> {
  const { profile } = options;
  const list = profile.lists[entry.list] ?? profile.lists[profile.lists.length - 1];
  if (!list) return;
  const slug = slugOf(entry);
  // An entry with no page of its own is known by section, date and title, as earlier runs knew it.
  const legacyKey =
    entry.date || entry.title
      ? `entry:${list.section}:${entry.date?.day ?? 'undated'}:${slug}`
      : null;
  const key = entry.key ? `key:${entry.key}` : entry.page ? `page:${entry.page}` : legacyKey;
  const language = languageOf(entry, options.detectLanguage);
  const type = entry.type ?? list.type;
  const people = parseByline(entry.byline);
  const report: EntryReport = {
    ...EMPTY_REPORT,
    title:
      entry.title ??
      (entry.date ? `Untitled — ${longDate(entry.date.day)}` : `Untitled (${entry.page ?? '?'})`),
    date: storedDate(entry),
    authors: people.map(
      (p) =>
        `${p.name} (${[roleOf(p), p.credit === 'secondary' ? 'with' : null, p.affiliation]
          .filter(Boolean)
          .join(', ')})`,
    ),
    language,
    type,
    files: [...entry.pdfs, ...entry.files, ...entry.images.map((i) => i.path), ...entry.linkedFiles]
      .filter((f, i, all) => all.indexOf(f) === i)
      .map((f) => (isLocal(f) ? basename(f) : f)),
    key: key ?? `untitled:${entry.printedDate}`,
  };
  if (entry.problem) {
    session.summary.entry({ ...report, outcome: 'skipped', reason: entry.problem });
    return;
  }
  if (!key) {
    session.summary.entry({
      ...report,
      outcome: 'skipped',
      reason: 'no date, title or page to know it by again',
    });
    return;
  }

  const attention: string[] = [];
  if (!entry.title) attention.push('The source page prints this entry without a title.');
  if (!entry.date) {
    attention.push(
      entry.printedDate && !UNDATED.test(entry.printedDate)
        ? `The source’s date “${entry.printedDate}” could not be read; imported as a draft.`
        : 'The source gives no date; imported as a draft.',
    );
  }
  if (entry.unmappedType) {
    attention.push(
      `The source labels it “${entry.unmappedType}”, which the profile’s type map does not name.`,
    );
  }

  const sectionId = await session.section(list.section, list.sectionTitle);
  const formerKeys = legacyKey && legacyKey !== key ? [legacyKey] : [];
  const finalSlug = await session.plannedSlug(key, sectionId, slug, formerKeys);
  const stored = await storedFiles(folder, entry);
  const missing = stored.filter((f) => !f.path).map((f) => f.href);
  if (missing.length > 0) {
    attention.push(`Files named by the source but not saved beside it: ${missing.join(', ')}.`);
  }
  const images = stored.filter((f) => f.role === 'image' && f.path);
  if (images.some((i) => !i.alt)) {
    attention.push('Images without alt text on the source carry the title as their alt text.');
  }
  const body = localizeFiles(entry.body, stored, `/${list.section}/${finalSlug}/`);

  const contributions = [];
  for (const p of people) {
    const personId = await session.person(`person:${personSlug(p.name)}`, {
      slug: personSlug(p.name),
      name: p.name,
      sortName: sortNameOf(p.name),
      roles: [],
    });
    contributions.push({
      personId,
      role: roleOf(p),
      credit: p.credit,
      affiliationLabel: printedLabel(p),
    });
  }
  const topicIds: number[] = [];
  for (const name of entry.topics) {
    const topicSlug = slugify(name, '');
    if (!topicSlug) continue;
    const id = await session.topic(`topic:${topicSlug}`, topicSlug, name);
    if (id > 0 && !topicIds.includes(id)) topicIds.push(id);
  }

  const externalUrl =
    entry.externalHref && /^https?:\/\//.test(entry.externalHref) ? entry.externalHref : null;
  let saved: Awaited<ReturnType<ImportSession['publication']>>;
  try {
    saved = await session.publication(
      key,
      {
        sectionId,
        slug: finalSlug,
        type,
        title: report.title.slice(0, 500),
        subtitle: entry.subtitle,
        summary: entry.summary,
        body,
        language,
        status: entry.date ? profile.status : 'draft',
        publishedAt: entry.date ? `${entry.date.day}T00:00:00.000Z` : null,
        // "October 2020" is kept as a month, shown and cited as one: nothing for an editor to fix.
        publishedPrecision: entry.date?.precision ?? 'day',
        externalUrl,
        needsAttention: attention.length > 0 ? attention.join(' ') : null,
        contributions,
        topicIds,
      },
      { formerKeys, label: report.title },
    );
  } catch (error) {
    if (error instanceof Error && error.name === 'ValidationError') {
      session.summary.entry({ ...report, outcome: 'skipped', reason: `refused: ${error.message}` });
      return;
    }
    throw error;
  }
  if (saved.outcome === 'conflict') {
    session.summary.entry({
      ...report,
      outcome: 'conflict',
      reason: CONFLICT,
    });
    return;
  }
  for (const note of attention) session.summary.attention(report.title, note);
  // The piece's address on the old site leads to its new one, so links to it keep working.
  if (entry.page && entry.date && profile.status === 'published') {
    const from = oldAddress(entry.page, profile.siteUrl);
    await session.redirect(from, `/${list.section}/${saved.slug}/`, report.title);
  }
  for (const f of stored) {
    if (!f.path) {
      session.summary.skip(
        `${entry.title ?? report.title}: ${f.href}`,
        f.role === 'image' ? 'image not saved beside the pages' : 'PDF not saved beside the pages',
      );
      continue;
    }
    const path = f.path;
    const fileKey =
      f.role === 'main-pdf' ? `pdf:${basename(path)}:${saved.id}` : `file:${f.href}:${saved.id}`;
    await session.attachment(fileKey, saved.id, {
      source: () => createReadStream(path),
      fileName: basename(path),
      role: f.role,
      altText: f.role === 'image' ? (f.alt ?? report.title) : null,
      hash: await fileHash(path),
    });
  }
  // The entry's outcome is its publication's, or "updated" when only a file's bytes changed.
  session.summary.entry({ ...report, outcome: saved.outcome });
}

/** Where a saved page was served on the old site: its path under the site's root. */
function oldAddress(page: string, siteUrl: string | undefined): string {
  const root = siteUrl ? new URL(siteUrl).pathname.replace(/\/+$/, '') : '';
  const path = `/${page.split(sep).join('/')}`.replace(/\/index\.html?$/i, '/');
  return `${root}${path}`;
}

interface StoredFile {
  href: string;
  /** On disk, or null when the file was not saved beside the pages. */
  path: string | null;
  role: 'main-pdf' | 'supplement' | 'image';
  alt: string | null;
}

async function storedFiles(folder: string, entry: ListedEntry): Promise<StoredFile[]> {
  const wanted: Array<Omit<StoredFile, 'path'>> = [
    ...entry.pdfs.map((href, i) => ({
      href,
      role: i === 0 ? ('main-pdf' as const) : ('supplement' as const),
      alt: null,
    })),
    ...entry.files.map((href) => ({ href, role: 'supplement' as const, alt: null })),
    ...entry.images.map((img) => ({ href: img.path, role: 'image' as const, alt: img.alt })),
    ...entry.linkedFiles.map((href) => ({
      href,
      role: /\.(png|jpe?g|gif|webp)$/i.test(href) ? ('image' as const) : ('supplement' as const),
      alt: null,
    })),
  ];
  const out: StoredFile[] = [];
  for (const w of wanted) {
    if (out.some((o) => o.href === w.href)) continue;
    const path = isLocal(w.href) ? inside(folder, w.href) : null;
    out.push({ ...w, path: path && (await exists(path)) ? path : null });
  }
  return out;
}

/**
 * Points the body's images and links to files at the copies stored in the publication's folder
 * (the archive shows only what it holds, and the old site may be gone); an image or a link to a
 * file that was not saved keeps only its words.
 */
function localizeFiles(markdown: string, files: StoredFile[], folder: string): string {
  let out = markdown;
  // Twice: a linked image (`[![…](site:a)](site:b)`) is an image inside a link.
  for (let pass = 0; pass < 2 && out.includes('](site:'); pass++) {
    out = localizeOnce(out, files, folder);
  }
  return out;
}

function localizeOnce(markdown: string, files: StoredFile[], folder: string): string {
  return markdown.replace(
    /(!?)\[((?:[^[\]]|!?\[[^[\]]*\]\([^)]*\))*)\]\(<?site:([^)\s>]+)>?(?:\s+"[^"]*")?\)/g,
    (_whole, bang: string, text: string, encoded: string) => {
      const href = decodeURI(encoded);
      const file = files.find((f) => f.href === href && f.path);
      if (!file?.path) return text;
      const ext = (extname(file.path).slice(1) || 'bin').toLowerCase();
      const name = safeFileName(basename(file.path), ext === 'jpeg' ? 'jpg' : ext);
      return `${bang}[${text}](${folder}${name})`;
    },
  );
}

async function fileHash(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A path inside the folder, or null for anything that would leave it. */
function inside(folder: string, relative: string): string | null {
  const path = normalize(join(folder, relative));
  return path.startsWith(normalize(folder + sep)) ? path : null;
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
