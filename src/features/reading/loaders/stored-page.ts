import type { PublicationNeighbours, PublicationParts } from '../../../core/public-views.ts';
import { isPubliclyVisible, isTombstone } from '../../../core/publication-status.ts';
import type { Repositories } from '../../../core/repositories.ts';
import type { FrameStamps, RenderStamps } from '../../../core/stored-pages.ts';
import { translationLinks } from './publication-page.ts';

export type StoredPageLookup =
  | { kind: 'missing' }
  /** Withdrawn after the public saw it: the tombstone is built the usual way. */
  | { kind: 'gone'; frameStamps: FrameStamps }
  | {
      kind: 'stored';
      frameStamps: FrameStamps;
      title: string;
      updatedAt: string;
      parts: PublicationParts;
      neighbours: PublicationNeighbours;
    }
  | {
      kind: 'render';
      frameStamps: FrameStamps;
      publicationId: number;
      /** Stamps read before any of the data: parts rendered now are stored under them. */
      stamps: RenderStamps;
      /** False for a piece in a series, which is rendered whole on every request. */
      storable: boolean;
    };

/**
 * A publication's page from its stored parts, when they are current.
 *
 * The parts hold everything the page shows of the publication's own data, its people, topics,
 * places, files and site (src/infra/render-cache/stored-page-stamps.ts retires them when any of that
 * changes). What depends on other publications being public at this moment is looked up on
 * every request: the links to its translations. A piece in a series is never stored: its
 * position, neighbours and structured data follow which parts are public now.
 *
 * The same visibility rule as everywhere else decides first; parts of a piece that is not public
 * are never read.
 */
export async function findStoredPage(
  repos: Pick<Repositories, 'publicationRenders' | 'catalog' | 'sections'>,
  address: { section: string; slug: string; locale: string; renderer: string },
  now: Date,
): Promise<StoredPageLookup> {
  const row = await repos.publicationRenders.find(
    address.section,
    address.slug,
    address.locale,
    address.renderer,
  );
  if (!row) return { kind: 'missing' };
  const frameStamps = { siteStamp: row.siteStamp, catalogStamp: row.catalogStamp };
  if (isTombstone(row)) return { kind: 'gone', frameStamps };
  if (!isPubliclyVisible(row, now)) return { kind: 'missing' };
  if (row.parts === null || row.seriesId !== null) {
    return {
      kind: 'render',
      frameStamps,
      publicationId: row.id,
      stamps: { stamp: row.stamp, siteStamp: row.siteStamp },
      storable: row.seriesId === null,
    };
  }
  return {
    kind: 'stored',
    frameStamps,
    title: row.title,
    updatedAt: row.updatedAt,
    parts: row.parts,
    neighbours: { series: null, translations: await translationLinks(repos, row, now) },
  };
}
