import type { Tx } from './ports.ts';
import type { PublicationParts } from './public-views.ts';
import type { PublicationStatus } from './publication-status.ts';

/**
 * Publication pages kept in the database as rendered parts, each under the stamps that were
 * current when its render began. A change moves a stamp (src/infra/render-cache/stored-page-stamps.ts);
 * parts stored under an older one are no longer found, and the page is rendered again.
 */

/** What the stamps were when a render began; its parts are stored under them. */
export interface RenderStamps {
  stamp: number;
  siteStamp: number;
}

/**
 * The stamps that cover every page's frame (name, menu, footer): the site's, and the catalog's,
 * which moves with any change to any publication (the menu lists the sections that have public
 * work, and the static pages).
 */
export interface FrameStamps {
  siteStamp: number;
  catalogStamp: number;
}

/** A publication found by its address, with its stored parts if they are still current. */
export interface StoredPageRow extends RenderStamps, FrameStamps {
  id: number;
  status: PublicationStatus;
  publishedAt: string | null;
  embargoUntil: string | null;
  deletedAt: string | null;
  withdrawnAt: string | null;
  publicFrom: string | null;
  title: string;
  language: string;
  updatedAt: string;
  sectionId: number;
  seriesId: number | null;
  translationGroup: string | null;
  parts: PublicationParts | null;
}

/** The stored pages' repository: the cache stores what it is given, and moves the stamps. */
export interface PublicationRenders {
  /**
   * The publication at this address, the current stamps, and its stored parts for this language
   * if they were made by this renderer under those same stamps.
   */
  find(
    sectionSlug: string,
    slug: string,
    locale: string,
    renderer: string,
  ): Promise<StoredPageRow | undefined>;
  /** Keeps parts rendered from data read under these stamps (they replace older ones). */
  store(
    publicationId: number,
    locale: string,
    renderer: string,
    stamps: RenderStamps,
    parts: PublicationParts,
  ): Promise<void>;
  /** The stamps of every page's frame, as they are now. */
  frameStamps(): Promise<FrameStamps>;
  /** Something these publications' pages show changed: their stored parts are out of date. */
  stampPublications(ids: readonly number[], tx?: Tx): Promise<void>;
  /** Some publication changed: the menu (sections with public work, static pages) may have. */
  stampCatalog(tx?: Tx): Promise<void>;
  /** Something every page shows changed (the site's name, a section, a series…). */
  stampSite(tx?: Tx): Promise<void>;
}
