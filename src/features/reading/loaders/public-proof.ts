import { isPubliclyVisible } from '../../../core/publication-status.ts';
import type { PublicationProof } from '../../../core/repositories/proofs-repository.ts';
import type { Repositories } from '../../../core/repositories.ts';

/**
 * One timestamped version of a public piece, by its section, slug and number. A piece the public
 * may not see now (a draft, embargoed, withdrawn, in the trash) shows no versions at all, as it
 * shows no page: a withdrawal hides its records too (a record names the people in it).
 */
export async function findPublicProof(
  repos: Pick<Repositories, 'sections' | 'publications' | 'proofs'>,
  sectionSlug: string,
  slug: string,
  version: number,
  now: Date,
): Promise<PublicationProof | null> {
  const section = await repos.sections.findBySlug(sectionSlug);
  const publication = section ? await repos.publications.findBySlug(section.id, slug) : undefined;
  if (!publication || !isPubliclyVisible(publication, now)) return null;
  const proofs = await repos.proofs.listFor(publication.id);
  return proofs.find((p) => p.version === version) ?? null;
}
