import type { PublicationType } from '../content-types.ts';
import type { Publication } from '../entities.ts';
import type { Tx } from '../ports.ts';
import type { PublicationStatus } from '../publication-status.ts';

/**
 * Who is reading: the public (the public-visibility rule, nothing else), a token that may read
 * every draft, or one that may read the drafts its own user created.
 */
export type ApiAudience =
  | {
      kind: 'public';
    }
  | {
      kind: 'staff';
    }
  | {
      kind: 'own-drafts';
      userId: number;
    };
export interface ApiPublicationFilter {
  sectionId?: number;
  type?: PublicationType;
  status?: PublicationStatus;
  language?: string;
  personId?: number;
  topicId?: number;
  /** Work tied to any of these places (a place and the places inside it). */
  placeIds?: number[];
  year?: number;
  /** Words that must appear in the title, subtitle or summary (case-insensitive). */
  q?: string;
  /** Only what changed (its public datestamp) at or after this instant. */
  updatedSince?: string;
  /** Also the tombstones of withdrawn work the public once saw, so a mirror learns of them. */
  includeTombstones?: boolean;
}

export interface ApiCursor {
  datestamp: string;
  id: number;
}

/**
 * The API's publication listing: every publication the audience may see, in the order of its
 * public datestamp (the latest of the last save, the date, the embargo's end and the
 * withdrawal), then id, so that a client syncs with `updated_since` and resumes with a cursor.
 * Public readers go through `publiclyVisible`, the same SQL as every public page.
 */
export interface ApiCatalogRepository {
  list(
    audience: ApiAudience,
    filter: ApiPublicationFilter,
    after: ApiCursor | null,
    limit: number,
    now: Date,
    tx?: Tx,
  ): Promise<
    Array<{
      publication: Publication;
      datestamp: string;
    }>
  >;
  count(audience: ApiAudience, filter: ApiPublicationFilter, now: Date, tx?: Tx): Promise<number>;
  /** The audience's publications among `ids`, for translations and single reads. */
  visibleIds(
    audience: ApiAudience,
    ids: readonly number[],
    now: Date,
    tx?: Tx,
  ): Promise<Set<number>>;
  /** Ids of publications in a translation group that the audience may see. */
  translationIds(audience: ApiAudience, group: string, now: Date, tx?: Tx): Promise<number[]>;
  /**
   * The people, topics or places linked to the publications a user created and has not
   * trashed: what a contributor's own drafts name, and so may show that contributor.
   */
  linkedToCreator(
    kind: 'person' | 'topic' | 'place',
    userId: number,
    tx?: Tx,
  ): Promise<Set<number>>;
}
