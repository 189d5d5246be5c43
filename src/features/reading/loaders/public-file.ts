import type { StoredFile } from '../../../core/entities.ts';
import { isPubliclyVisible, isTombstone } from '../../../core/publication-status.ts';
import type { ReadingRepos } from './entries.ts';

export type PublicFileLookup =
  | { kind: 'found'; file: StoredFile; fileName: string }
  | { kind: 'gone' }
  | { kind: 'missing' };

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
  const attachment = (await repos.files.attachmentsOf([publication.id])).find(
    (a) => a.fileName === fileName,
  );
  return attachment
    ? { kind: 'found', file: attachment.file, fileName: attachment.fileName }
    : { kind: 'missing' };
}
