import type { Repositories } from '../../../core/repositories.ts';
import { fileView, loadPublicationPage, type ReadingRepos } from '../../reading/index.ts';
import { canonicalRecord, publishedRecord } from './published-record.ts';

/**
 * A piece's public record as canonical text, or null when the public may not see it now. It is
 * built from reading's public page loader alone, so what is stamped is what a reader is shown,
 * never a draft.
 */
export async function currentPublicRecord(
  repos: ReadingRepos & Pick<Repositories, 'files' | 'proofs' | 'captures'>,
  publicationId: number,
  now: Date,
): Promise<string | null> {
  const record = await repos.publications.findById(publicationId);
  if (!record) return null;
  const section = await repos.sections.findById(record.sectionId);
  if (!section) return null;
  const page = await loadPublicationPage(repos, section.slug, record.slug, now);
  if (page.kind !== 'found') return null;
  const attachments = await repos.files.attachmentsOf([publicationId]);
  // Keyed by the address the page gives each file, as the view names them.
  const hashes = new Map(
    attachments.map((a) => [fileView(section, record, a).path, a.file.sha256] as const),
  );
  // The copies kept of what the piece cites: the hash of each body as captured, taken-down
  // copies and failed fetches left out.
  const cited = await repos.captures.citationsOf(publicationId);
  const latest = await repos.captures.latestFor(cited);
  const captures = cited.flatMap((url) => {
    const c = latest.get(url);
    return c?.state === 'captured' && c.bodySha256 && !c.takenDownAt
      ? [{ url, sha256: c.bodySha256, capturedAt: c.capturedAt }]
      : [];
  });
  return canonicalRecord(publishedRecord(page.view, hashes, captures));
}
