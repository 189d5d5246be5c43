import type { ImageRecord } from '../../../core/images.ts';
import { shownFigureIds } from '../../../core/markdown/markdown-figures.ts';
import { isPubliclyVisible } from '../../../core/publication-status.ts';
import type { Repositories } from '../../../core/repositories.ts';

export type PublicImageRepos = Pick<Repositories, 'images' | 'publications' | 'catalog'>;

/**
 * An image the public may see, or undefined. An image is public only through what shows it: a
 * figure while its publication is public and its body places it (an image uploaded to a public
 * piece but not placed may be a draft's material), a photo while its person has public work
 * (the same rule as their page). Anything else is answered as missing, never as forbidden, so a
 * guessed number says nothing about what exists.
 */
export async function findPublicImage(
  repos: PublicImageRepos,
  id: number,
  now: Date,
): Promise<ImageRecord | undefined> {
  const image = await repos.images.find(id);
  if (!image) return undefined;
  if (image.publicationId !== null) {
    const publication = await repos.publications.findById(image.publicationId);
    if (!publication || !isPubliclyVisible(publication, now)) return undefined;
    // Placed means shown: a reference in running text or code leaves the image unplaced.
    return shownFigureIds(publication.bodyHtml ?? '').includes(id) ? image : undefined;
  }
  if (image.personId !== null) {
    const count = await repos.catalog.count({ personId: image.personId }, now);
    return count > 0 ? image : undefined;
  }
  return undefined;
}
