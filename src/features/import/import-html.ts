import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, normalize, sep } from 'node:path';
import type { Actor } from '../../core/actor.ts';
import { slugify } from '../../core/slug.ts';
import { longDate, parseByline, personSlug, sortNameOf } from './bylines.ts';
import {
  type HtmlProfile,
  type ListedEntry,
  readDetailPage,
  readListingPage,
} from './html-profile.ts';
import { type ImportDeps, ImportSession } from './import-session.ts';
import type { ImportSummary } from './import-summary.ts';
import { readListingText } from './listing-text.ts';

export interface HtmlImportOptions {
  /** A folder of saved pages, one saved page, or a plain-text copy of one (.txt). */
  path: string;
  profile: HtmlProfile;
  dryRun: boolean;
  actor: Actor;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Imports a hand-made site from saved pages, read through a profile. Listing pages are followed
 * by their "next" links; each entry becomes a publication in its list's section, its byline
 * people with the affiliation printed on the entry (the same name is the same person across
 * entries and runs), its PDF link a stored file when the PDF was saved beside the pages.
 */
export async function importHtmlSite(
  deps: ImportDeps,
  options: HtmlImportOptions,
): Promise<ImportSummary> {
  const { profile } = options;
  const info = await stat(options.path);
  const folder = info.isDirectory() ? options.path : dirname(options.path);
  const entries = info.isDirectory()
    ? await readFolder(options.path, profile)
    : options.path.endsWith('.txt')
      ? readListingText(await readFile(options.path, 'utf8'), profile)
      : await readPages(folder, [basename(options.path)], profile);

  const session = new ImportSession(deps, {
    source: `html:${profile.name}`,
    dryRun: options.dryRun,
    actor: options.actor,
  });
  options.onProgress?.(0, entries.length);
  let done = 0;
  for (const entry of entries) {
    await importEntry(session, folder, profile, entry);
    options.onProgress?.(++done, entries.length);
  }
  await session.finish({
    path: basename(options.path),
    profile: profile.name,
    entries: entries.length,
  });
  return session.summary.build();
}

async function readFolder(folder: string, profile: HtmlProfile): Promise<ListedEntry[]> {
  const names = (await readdir(folder)).filter((n) => /\.html?$/i.test(n)).sort();
  const start = names.includes('index.html') ? 'index.html' : names[0];
  return start ? readPages(folder, [start], profile) : [];
}

/** Reads listing pages from `start`, following "next" links inside the folder, each page once. */
async function readPages(
  folder: string,
  start: string[],
  profile: HtmlProfile,
): Promise<ListedEntry[]> {
  const entries: ListedEntry[] = [];
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const name = queue.shift() ?? '';
    const path = inside(folder, name);
    if (!path || seen.has(path)) continue;
    seen.add(path);
    const page = readListingPage(await readFile(path, 'utf8'), profile);
    for (const e of page.entries) {
      const detail = e.detailHref ? inside(folder, e.detailHref) : null;
      if (detail && (await exists(detail))) {
        const d = readDetailPage(await readFile(detail, 'utf8'), profile);
        entries.push({ ...e, body: d.body || e.body, summary: e.summary ?? d.summary });
      } else {
        entries.push(e);
      }
    }
    if (page.next) queue.push(page.next);
  }
  return entries;
}

async function importEntry(
  session: ImportSession,
  folder: string,
  profile: HtmlProfile,
  entry: ListedEntry,
): Promise<void> {
  const list = profile.lists[entry.list] ?? profile.lists[profile.lists.length - 1];
  const label = entry.title ?? `untitled entry of ${entry.printedDate || 'no date'}`;
  if (!list) return;
  if (!entry.date) {
    session.summary.skip(
      label,
      `no date that reads like “Jul 25, 2016” (found “${entry.printedDate}”)`,
    );
    return;
  }
  const sectionId = await session.section(list.section, list.sectionTitle);
  const title = entry.title ?? `Untitled — ${longDate(entry.date)}`;
  const slug = entry.title ? slugify(entry.title) : `untitled-${entry.date}`;
  const contributions = [];
  for (const p of parseByline(entry.byline)) {
    const personId = await session.person(`person:${personSlug(p.name)}`, {
      slug: personSlug(p.name),
      name: p.name,
      sortName: sortNameOf(p.name),
      roles: [],
    });
    contributions.push({
      personId,
      role: 'author' as const,
      credit: p.credit,
      affiliationLabel: p.affiliation,
    });
  }
  const externalUrl =
    entry.externalHref && /^https?:\/\//.test(entry.externalHref) ? entry.externalHref : null;
  try {
    const saved = await session.publication(`entry:${list.section}:${entry.date}:${slug}`, {
      sectionId,
      slug,
      type: list.type,
      title,
      summary: entry.summary,
      body: entry.body,
      status: profile.status,
      publishedAt: `${entry.date}T00:00:00.000Z`,
      externalUrl,
      needsAttention: entry.title ? null : 'The source page prints this entry without a title.',
      contributions,
    });
    if (entry.pdfHref) await attachPdf(session, folder, saved.id, entry.pdfHref, label);
  } catch (error) {
    if (error instanceof Error && error.name === 'ValidationError') {
      session.summary.skip(label, `refused: ${error.message}`);
      return;
    }
    throw error;
  }
}

async function attachPdf(
  session: ImportSession,
  folder: string,
  publicationId: number,
  href: string,
  label: string,
) {
  const path = /^[a-z]+:/i.test(href)
    ? null
    : inside(folder, decodeURI(href.split(/[?#]/)[0] ?? ''));
  if (!path || !(await exists(path))) {
    session.summary.skip(`${label}: ${href}`, 'PDF not saved beside the pages');
    return;
  }
  await session.attachment(`pdf:${basename(path)}:${publicationId}`, publicationId, {
    source: () => createReadStream(path),
    fileName: basename(path),
    role: 'main-pdf',
  });
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
