import type { Publication } from '../../core/entities.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import type { Repositories } from '../../core/repositories.ts';

/**
 * Finds a publication by `slug` or, where two sections use the same slug, by `section/slug`.
 * An ambiguous bare slug is refused with the full names to choose from.
 */
export async function findPublicationByRef(
  deps: { repos: Pick<Repositories, 'publications' | 'sections'> },
  ref: string,
): Promise<Publication> {
  const parts = ref.replace(/^\/+|\/+$/g, '').split('/');
  if (parts.length === 2) {
    const [sectionSlug, slug] = parts as [string, string];
    const section = await deps.repos.sections.findBySlug(sectionSlug);
    const found = section ? await deps.repos.publications.findBySlug(section.id, slug) : undefined;
    if (!found) throw new NotFoundError(`No publication ${ref}`);
    return found;
  }
  if (parts.length !== 1 || !parts[0]) {
    throw new ValidationError(`"${ref}" is neither a slug nor section/slug`);
  }
  const matches = await deps.repos.publications.findAllBySlug(parts[0]);
  if (matches.length === 0) throw new NotFoundError(`No publication has the slug ${ref}`);
  if (matches.length > 1) {
    const sections = await deps.repos.sections.list();
    const names = matches.map(
      (p) => `${sections.find((s) => s.id === p.sectionId)?.slug}/${p.slug}`,
    );
    throw new ValidationError(
      `Several publications have the slug ${ref}; name one of ${names.join(', ')}`,
    );
  }
  return matches[0]!;
}
