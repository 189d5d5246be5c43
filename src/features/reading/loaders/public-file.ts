import type { StoredFile } from '../../../core/entities.ts';
import { fileUrlName } from '../../../core/file-name.ts';
import { isPubliclyVisible, isTombstone } from '../../../core/publication-status.ts';
import { coverFileName, type ReadingRepos } from './entries.ts';

export type PublicFileLookup =
  /** `fileName` is the name to offer the download under: the attachment's kept name. */
  { kind: 'found'; file: StoredFile; fileName: string } | { kind: 'gone' } | { kind: 'missing' };

/**
 * A file attached to a public publication, found by its section, slug and file name. Files of
 * drafts, embargoed and withdrawn pieces are not served: the same rule as their pages.
 */
export async function findPublicFile(
  repos: ReadingRepos,
  sectionSlug: string,
  slug: string,
  fileName: string,
  now: Date,
): Promise<PublicFileLookup> {
  const section = await repos.sections.findBySlug(sectionSlug);
  const publication = section ? await repos.publications.findBySlug(section.id, slug) : undefined;
  if (!publication) return { kind: 'missing' };
  if (isTombstone(publication)) return { kind: 'gone' };
  if (!isPubliclyVisible(publication, now)) return { kind: 'missing' };
  const attachments = await repos.files.attachmentsOf([publication.id]);
  // The address is the kept name made safe (fileUrlName); the download keeps the name itself.
  const attachment = attachments.find((a) => fileUrlName(a.fileName) === fileName);
  if (attachment) return { kind: 'found', file: attachment.file, fileName: attachment.fileName };
  return findCover(repos, attachments, fileName);
}

/**
 * A PDF's cover ("report.pdf.cover.png"), made from its first page: asked for only once the
 * publication is known to be public, like the PDF itself.
 */
async function findCover(
  repos: ReadingRepos,
  attachments: Array<{ fileName: string; storedFileId: number }>,
  fileName: string,
): Promise<PublicFileLookup> {
  const match = /^(.+)\.cover\.[a-z]+$/.exec(fileName);
  const pdf = match && attachments.find((a) => fileUrlName(a.fileName) === match[1]);
  if (!pdf) return { kind: 'missing' };
  const cover = (await repos.files.derivativesOf(pdf.storedFileId)).find(
    (d) =>
      d.purpose === 'thumbnail' &&
      coverFileName(fileUrlName(pdf.fileName), d.mediaType) === fileName,
  );
  const file = cover && (await repos.files.findStoredFile(cover.fileId));
  return file ? { kind: 'found', file, fileName } : { kind: 'missing' };
}
