import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { csvRecord } from '../../core/csv.ts';
import type { Publication } from '../../core/entities.ts';
import { ValidationError } from '../../core/errors.ts';
import { safeFileName } from '../../core/file-name.ts';
import type { FileStore } from '../../core/ports.ts';
import type { EntryView } from '../../core/public-views.ts';
import { loadEntries, type ReadingRepos } from '../reading/index.ts';
import { frontMatter } from './front-matter.ts';

export interface PlainExportDeps {
  repos: ReadingRepos;
  files: FileStore;
  publicUrl: string;
}

const PAGE = 100;

/**
 * Every publication the public can read now, page by page, through the catalog's public rule:
 * drafts, embargoed, scheduled, withdrawn and trashed work never reaches a plain export.
 */
async function* publicWork(
  repos: ReadingRepos,
  now: Date,
): AsyncIterable<Array<{ publication: Publication; entry: EntryView }>> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await repos.catalog.list({ includePages: true }, { limit: PAGE, offset }, now);
    if (page.items.length === 0) return;
    const entries = await loadEntries(repos, page.items);
    yield page.items.map((publication, i) => ({ publication, entry: entries[i]! }));
    if (page.items.length < PAGE) return;
  }
}

const CSV_HEADER = [
  'id',
  'url',
  'section',
  'type',
  'title',
  'subtitle',
  'contributors',
  'published_at',
  'revised_at',
  'language',
  'summary',
  'venue',
  'report_number',
  'doi',
  'external_url',
  'pdf_url',
];

/** Published work as one CSV file (every cell quoted, formulas defused). Returns the count. */
export async function exportPublicationsCsv(
  deps: PlainExportDeps,
  target: string,
  now: Date,
  onProgress?: (done: number) => void,
): Promise<number> {
  const base = deps.publicUrl.replace(/\/+$/, '');
  return writeAtomically(target, async (write) => {
    await write(csvRecord(CSV_HEADER));
    let count = 0;
    for await (const batch of publicWork(deps.repos, now)) {
      let text = '';
      for (const { publication: p, entry: e } of batch) {
        text += csvRecord([
          p.id,
          `${base}${e.path}`,
          e.section.slug,
          p.type,
          p.title,
          p.subtitle,
          e.contributors.map(contributorLine).join('; '),
          p.publishedAt,
          p.revisedAt,
          p.language,
          p.summary,
          e.venue?.name ?? null,
          p.reportNumber,
          p.doi,
          p.externalUrl,
          e.mainPdf ? `${base}${e.mainPdf.path}` : null,
        ]);
        count++;
      }
      await write(text);
      onProgress?.(count);
    }
    return count;
  });
}

function contributorLine(c: EntryView['contributors'][number]): string {
  const extra = [c.role === 'author' ? null : c.role, c.affiliation].filter(Boolean).join(', ');
  return extra ? `${c.name} (${extra})` : c.name;
}

/**
 * The public archive as a folder: `<section>/<slug>.md` with YAML front matter and the Markdown
 * body, and each piece's PDFs in `<section>/<slug>/`. The folder must be new or empty.
 */
export async function exportPublicationsMarkdown(
  deps: PlainExportDeps,
  folder: string,
  now: Date,
  onProgress?: (done: number) => void,
): Promise<{ publications: number; pdfs: number }> {
  const existing = await readdir(folder).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [];
    throw e;
  });
  if (existing.length > 0) {
    throw new ValidationError(`The folder ${folder} is not empty; choose a new or empty folder.`);
  }
  const base = deps.publicUrl.replace(/\/+$/, '');
  let publications = 0;
  let pdfs = 0;
  for await (const batch of publicWork(deps.repos, now)) {
    const attachments = await deps.repos.files.attachmentsOf(batch.map((b) => b.publication.id));
    for (const { publication: p, entry: e } of batch) {
      const dir = join(folder, e.section.slug);
      await mkdir(dir, { recursive: true });
      const own = attachments
        .filter((a) => a.publicationId === p.id && a.file.mediaType === 'application/pdf')
        .sort((a, b) => a.position - b.position);
      const used = new Set<string>();
      const files: Array<{ name: string; sha256: string; title: string | null; role: string }> = [];
      for (const a of own) {
        let name = safeFileName(a.fileName, 'pdf');
        for (let n = 2; used.has(name); n++) name = safeFileName(`${a.fileName}-${n}`, 'pdf');
        used.add(name);
        files.push({ name, sha256: a.file.sha256, title: a.title, role: a.role });
      }
      const head = frontMatter({
        title: p.title,
        subtitle: p.subtitle,
        type: p.type,
        section: e.section.slug,
        language: p.language,
        published: p.publishedAt,
        revised: p.revisedAt,
        url: `${base}${e.path}`,
        contributors: e.contributors.map((c) => ({
          name: c.name,
          role: c.role,
          credit: c.credit,
          affiliation: c.affiliation,
        })),
        venue: e.venue?.name ?? null,
        report_number: p.reportNumber,
        doi: p.doi,
        external_url: p.externalUrl,
        summary: p.summary,
        files: files.map((f) => ({
          file: `${p.slug}/${f.name}`,
          role: f.role,
          title: f.title,
          sha256: f.sha256,
        })),
      });
      const body = p.body.trim() === '' ? '' : `\n${p.body.trimEnd()}\n`;
      await writeAtomically(join(dir, `${safeSlug(p.slug)}.md`), async (write) => {
        await write(head + body);
      });
      if (files.length > 0) await mkdir(join(dir, safeSlug(p.slug)), { recursive: true });
      for (const f of files) {
        await writeAtomically(join(dir, safeSlug(p.slug), f.name), async (write) => {
          for await (const chunk of deps.files.read(f.sha256)) await write(chunk);
        });
        pdfs++;
      }
      publications++;
    }
    onProgress?.(publications);
  }
  return { publications, pdfs };
}

/** Slugs are checked when saved; this keeps a path component even if one were not. */
function safeSlug(slug: string): string {
  return /^[a-z0-9][a-z0-9-]*$/.test(slug) ? slug : safeFileName(slug, 'x').replace(/\.x$/, '');
}

async function writeAtomically<T>(
  target: string,
  fn: (write: (chunk: string | Uint8Array) => Promise<void>) => Promise<T>,
): Promise<T> {
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}`);
  const out = createWriteStream(tmp, { flags: 'wx' });
  try {
    const result = await fn(async (chunk) => {
      if (!out.write(chunk)) await once(out, 'drain');
    });
    out.end();
    await once(out, 'close');
    await rename(tmp, target);
    return result;
  } catch (error) {
    out.destroy();
    await rm(tmp, { force: true });
    throw error;
  }
}
