import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join, normalize, sep } from 'node:path';
import type { Actor } from '../../core/actor.ts';
import { safeFileName } from '../../core/file-name.ts';
import { slugify } from '../../core/slug.ts';
import { personSlug, sortNameOf } from './bylines.ts';
import { type ImportDeps, ImportSession } from './import-session.ts';
import type { ImportSummary } from './import-summary.ts';
import { wordpressToMarkdown, wordpressToPlainText } from './wp-content.ts';
import {
  PASSWORD_PROTECTED_NOTE,
  permalinkPath,
  planItem,
  postSlug,
  sectionTitle,
  type WxrMapping,
  wordpressInstant,
} from './wxr-mapping.ts';
import {
  readWxr,
  type WxrAuthor,
  type WxrChannel,
  type WxrItem,
  type WxrTerm,
} from './wxr-reader.ts';

export interface WxrImportOptions {
  file: string;
  /** The site's wp-content/uploads folder, copied locally. */
  uploads?: string;
  mapping: WxrMapping;
  dryRun: boolean;
  actor: Actor;
  onProgress?: (done: number, total: number) => void;
}

interface PendingAttachment {
  postId: string;
  parent: string;
  url: string;
  attachedFile: string;
  title: string;
  alt: string;
  caption: string;
}

interface FirstPass {
  channel: WxrChannel | null;
  items: number;
  authors: Map<string, WxrAuthor>;
  terms: Map<string, WxrTerm>;
  attachments: PendingAttachment[];
  /** Attachments whose files are in the uploads folder, by the post they belong to. */
  filesByParent: Map<string, Array<{ url: string; fileName: string }>>;
}

/**
 * Imports a WordPress export. The file is read twice, streaming both times: the first pass
 * checks that it is well-formed WXR (a broken file is refused with its line and reason before
 * anything is written) and collects the small things (authors, terms, attachments' file names);
 * the second pass imports the posts one at a time. Attachments follow once their posts exist.
 */
export async function importWxr(
  deps: ImportDeps,
  options: WxrImportOptions,
): Promise<ImportSummary> {
  const first = await scan(options.file, options.uploads);
  const channel = first.channel;
  const site = channel?.baseBlogUrl || channel?.link || basename(options.file);
  const session = new ImportSession(deps, {
    source: `wxr:${site}`,
    dryRun: options.dryRun,
    actor: options.actor,
  });
  const imported = new Map<string, { id: number; section: string; slug: string }>();
  let done = 0;
  const total = first.items;
  options.onProgress?.(0, total);

  try {
    await readWxr(createReadStream(options.file), async (record) => {
      if (record.kind !== 'item') return;
      const item = record.item;
      try {
        const result = await importItem(session, options.mapping, first, item);
        if (result) imported.set(item.postId, result);
      } finally {
        options.onProgress?.(++done, total);
      }
    });

    for (const a of first.attachments) {
      await importAttachment(session, options.uploads, imported, a);
    }
    await session.finish({ file: basename(options.file), site, items: total });
  } catch (error) {
    // Records before the failure are written and stay: say how many, never "nothing".
    throw session.interrupted(error);
  }
  return session.summary.build();
}

async function scan(file: string, uploads: string | undefined): Promise<FirstPass> {
  const pass: FirstPass = {
    channel: null,
    items: 0,
    authors: new Map(),
    terms: new Map(),
    attachments: [],
    filesByParent: new Map(),
  };
  await readWxr(createReadStream(file), (record) => {
    switch (record.kind) {
      case 'channel':
        pass.channel = record.channel;
        break;
      case 'author':
        pass.authors.set(record.author.login, record.author);
        break;
      case 'term':
        pass.terms.set(`${record.term.taxonomy}:${record.term.slug}`, record.term);
        break;
      case 'item': {
        pass.items++;
        const item = record.item;
        if (item.postType === 'attachment') {
          pass.attachments.push({
            postId: item.postId,
            parent: item.postParent,
            url: item.attachmentUrl || item.guid,
            attachedFile: item.meta._wp_attached_file ?? '',
            title: item.title,
            alt: item.meta._wp_attachment_image_alt ?? '',
            caption: wordpressToPlainText(item.excerpt),
          });
        }
        break;
      }
    }
  });
  if (uploads) {
    for (const a of pass.attachments) {
      const relative = a.attachedFile || uploadsPathOf(a.url);
      const path = uploadsFile(uploads, relative);
      if (!a.url || !path || !(await isFile(path))) continue;
      const list = pass.filesByParent.get(a.parent) ?? [];
      list.push({ url: a.url, fileName: storedFileName(relative) });
      pass.filesByParent.set(a.parent, list);
    }
  }
  return pass;
}

/** The name attachFile will give the file (`safeFileName` with the extension of its type). */
function storedFileName(relative: string): string {
  const ext = (/\.([a-z0-9]+)$/i.exec(relative)?.[1] ?? 'bin').toLowerCase();
  return safeFileName(basename(relative), ext === 'jpeg' ? 'jpg' : ext);
}

/**
 * Points the post's own images (and links to them, in any of WordPress's resized copies
 * "photo-300x200.jpg") at the stored file in the publication's folder: the archive shows only
 * images it holds itself, and the old site may be gone.
 */
function localizeMedia(
  html: string,
  files: Array<{ url: string; fileName: string }> | undefined,
  folder: string,
): string {
  let out = html;
  for (const f of files ?? []) {
    const m = /^(.*?)(\.[a-z0-9]+)$/i.exec(f.url.replace(/^https?:/, ''));
    if (!m) continue;
    const pattern = new RegExp(
      `(?:https?:)?${escapeRegExp(m[1] ?? '')}(?:-\\d+x\\d+)?${escapeRegExp(m[2] ?? '')}`,
      'g',
    );
    out = out.replace(pattern, `${folder}${f.fileName}`);
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function uploadsFile(uploads: string, relative: string): string | null {
  const path = normalize(join(uploads, relative));
  return path.startsWith(normalize(uploads + sep)) ? path : null;
}

async function importItem(
  session: ImportSession,
  mapping: WxrMapping,
  first: FirstPass,
  item: WxrItem,
): Promise<{ id: number; section: string; slug: string } | null> {
  const what = `${item.postType || 'item'} ${item.postId}${item.title ? ` “${item.title}”` : ''}`;
  const plan = planItem(item, mapping);
  if (plan.kind === 'attachment') return null;
  if (plan.kind === 'skip') {
    session.summary.skip(what, plan.reason);
    return null;
  }
  const sectionId = await session.section(plan.section, sectionTitle(plan.section, mapping));

  const contributions = [];
  const author = first.authors.get(item.creator);
  if (item.creator) {
    const name = author?.displayName || item.creator;
    const personId = await session.person(`author:${item.creator}`, {
      slug: personSlug(name),
      name,
      sortName: sortNameOf(name, author?.firstName, author?.lastName),
      roles: [],
    });
    contributions.push({ personId, role: 'author' as const, credit: 'primary' as const });
  }

  const topicIds: number[] = [];
  for (const c of item.categories) {
    const taxonomy =
      c.domain === 'category' ? 'category' : c.domain === 'post_tag' ? 'post_tag' : null;
    if (!taxonomy) continue;
    if ((taxonomy === 'category' ? mapping.categories : mapping.tags) === 'ignore') continue;
    if (taxonomy === 'category' && mapping.categorySections[c.nicename]) continue;
    const term = first.terms.get(`${taxonomy}:${c.nicename}`);
    const name = term?.name || c.name || c.nicename;
    const slug =
      slugify(safeDecode(c.nicename) || name, '') || slugify(name, `term-${topicIds.length}`);
    const id = await session.topic(`${taxonomy}:${c.nicename}`, slug, name);
    if (!topicIds.includes(id)) topicIds.push(id);
  }

  const publishedAt = wordpressInstant(item.postDateGmt, item.postDate);
  const title = item.title.trim() || `Untitled ${item.postType} ${item.postId}`;
  const summary = wordpressToPlainText(item.excerpt).slice(0, 20000) || null;
  const key = `post:${item.postId}`;
  const slug = await session.plannedSlug(
    key,
    sectionId,
    postSlug(item.postName, item.title, item.postId),
  );
  const content = localizeMedia(
    item.content,
    first.filesByParent.get(item.postId),
    `/${plan.section}/${slug}/`,
  );
  const body = wordpressToMarkdown(content, item.meta.footnotes ?? '');
  const input = {
    sectionId,
    slug,
    type: plan.type,
    title: title.slice(0, 500),
    summary,
    body,
    status: plan.status,
    publishedAt,
    scheduledAt: plan.status === 'scheduled' ? publishedAt : null,
    needsAttention:
      [plan.attention, item.title.trim() ? null : 'The WordPress item had no title.']
        .filter((note) => note !== null)
        .join(' ') || null,
    contributions,
    topicIds,
  };
  try {
    const saved = await session.publication(key, input);
    if (plan.attention === PASSWORD_PROTECTED_NOTE) {
      session.summary.attention(
        `${what} → /${plan.section}/${saved.slug}/`,
        'password-protected on WordPress, imported as drafts (not published)',
      );
    }
    if (mapping.redirects && plan.status === 'published') {
      const from = permalinkPath(item.link);
      if (from) await session.redirect(from, `/${plan.section}/${saved.slug}/`, what);
    }
    return { id: saved.id, section: plan.section, slug: saved.slug };
  } catch (error) {
    if (error instanceof Error && error.name === 'ValidationError') {
      session.summary.skip(what, `refused: ${error.message}`);
      return null;
    }
    throw error;
  }
}

const ROLE_BY_EXTENSION: Array<[RegExp, 'image' | 'supplement']> = [
  [/\.(jpe?g|png|webp|avif)$/i, 'image'],
  [/\.pdf$/i, 'supplement'],
];

async function importAttachment(
  session: ImportSession,
  uploads: string | undefined,
  imported: Map<string, { id: number }>,
  a: PendingAttachment,
): Promise<void> {
  const what = `attachment ${a.postId} ${a.attachedFile || a.url}`;
  const parent = imported.get(a.parent);
  if (!parent) {
    session.summary.skip(what, 'attachment not attached to an imported post');
    return;
  }
  const relative = a.attachedFile || uploadsPathOf(a.url);
  const role = ROLE_BY_EXTENSION.find(([re]) => re.test(relative))?.[1];
  if (!role) {
    session.summary.skip(what, 'file type not kept (only PDF and images)');
    return;
  }
  if (!uploads) {
    session.summary.skip(what, 'no --uploads folder given');
    return;
  }
  const path = uploadsFile(uploads, relative);
  if (!path || !(await isFile(path))) {
    session.summary.skip(what, 'file not found in the uploads folder');
    return;
  }
  const alt = (a.alt || a.title || basename(relative)).slice(0, 2000);
  await session.attachment(`attachment:${a.postId}`, parent.id, {
    source: () => createReadStream(path),
    fileName: basename(relative),
    role,
    title: a.title || null,
    altText: role === 'image' ? alt : null,
    caption: a.caption || null,
  });
}

/** ".../wp-content/uploads/2011/07/photo.jpg" → "2011/07/photo.jpg". */
function uploadsPathOf(url: string): string {
  try {
    const path = decodeURI(new URL(url).pathname);
    const at = path.indexOf('/uploads/');
    if (at >= 0) return path.slice(at + '/uploads/'.length);
    const files = path.indexOf('/files/');
    return files >= 0 ? path.slice(files + '/files/'.length) : basename(path);
  } catch {
    return basename(url);
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
