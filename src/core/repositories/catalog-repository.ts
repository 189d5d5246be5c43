import type { PublicationType } from '../content-types.ts';
import type { Publication } from '../entities.ts';
import type { Tx } from '../ports.ts';

/** Which public work a listing shows. Filters combine. */
export interface CatalogFilter {
  sectionId?: number;
  personId?: number;
  topicId?: number;
  /** Work tied to any of these places (a place and the places inside it). */
  placeIds?: number[];
  year?: number;
  seriesId?: number;
  translationGroup?: string;
  /** Include `page` publications (About, Contact); listings leave them out. */
  includePages?: boolean;
  type?: PublicationType;
}

/** The newest public change among the work grouped by section, person, topic or place. */
export type ChangeGroup = 'section' | 'person' | 'topic' | 'place';

export interface Page<T> {
  items: T[];
  total: number;
}

/**
 * Read queries for public surfaces. Every query here goes through `publiclyVisible`, so no
 * draft, embargoed, scheduled, withdrawn or deleted record can reach a reader through it.
 */
export interface CatalogRepository {
  list(
    filter: CatalogFilter,
    paging: {
      limit: number;
      offset: number;
    },
    now: Date,
    tx?: Tx,
  ): Promise<Page<Publication>>;
  /** The first public pieces of a filter, without counting them all (menus, teasers). */
  first(filter: CatalogFilter, limit: number, now: Date, tx?: Tx): Promise<Publication[]>;
  /**
   * The next moment after `after` at which a publication becomes public without any write (its
   * date or its embargo passes), or null if none is waiting.
   */
  nextRelease(after: string, tx?: Tx): Promise<string | null>;
  /** Sections with at least one listed public piece: one index seek each, no counting. */
  sectionsWithWork(now: Date, tx?: Tx): Promise<Set<number>>;
  /**
   * Listed public work per section: the counts triggers keep (migration 0091), less the listed
   * pieces whose date or embargo is still ahead at `now`. Counting the rows read every listed
   * publication on every render; these are two index seeks.
   */
  countsBySection(now: Date, tx?: Tx): Promise<Map<number, number>>;
  /**
   * Listed public work per person, in one statement, for the people index: only people with
   * public work appear. (One count per person made that page as many queries as the archive
   * has people.)
   */
  countsByPerson(now: Date, tx?: Tx): Promise<Map<number, number>>;
  /** Listed public work per topic, in one statement, for the topics index. */
  countsByTopic(now: Date, tx?: Tx): Promise<Map<number, number>>;
  count(filter: CatalogFilter, now: Date, tx?: Tx): Promise<number>;
  /** Every public piece of a series, in series order, for previous/next. */
  series(seriesId: number, now: Date, tx?: Tx): Promise<Publication[]>;
  translations(group: string, now: Date, tx?: Tx): Promise<Publication[]>;
  /** Years that have public work, newest first, with how many pieces each. */
  years(
    now: Date,
    tx?: Tx,
  ): Promise<
    Array<{
      year: number;
      count: number;
    }>
  >;
  /**
   * Every public page's publication (listed work and pages such as About), with its public
   * datestamp, in id order: what the sitemap lists.
   */
  publicDatestamps(
    now: Date,
    tx?: Tx,
  ): Promise<
    Array<{
      id: number;
      sectionId: number;
      slug: string;
      type: PublicationType;
      publishedAt: string | null;
      datestamp: string;
    }>
  >;
  /** The newest public datestamp of the listed work in each section, or of each person, topic or place. */
  latestChanges(group: ChangeGroup, now: Date, tx?: Tx): Promise<Map<number, string>>;
}
