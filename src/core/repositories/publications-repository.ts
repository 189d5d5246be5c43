import type { Contribution, Publication, PublicationRecord } from '../entities.ts';
import type { Tx } from '../ports.ts';
import type { PublicRecord } from '../publication-status.ts';

/** What a save writes: the publication's own fields and its ordered links. */
export type PublicationWrite = Omit<
  Publication,
  | 'id'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
  | 'deletedAt'
  | 'withdrawnAt'
  | 'createdByUserId'
  | 'publicFrom'
  | 'publicUntil'
> & {
  withdrawnAt?: string | null;
  publicFrom?: string | null;
  publicUntil?: string | null;
  createdByUserId?: number | null;
  contributions: Omit<Contribution, 'position'>[];
  topicIds: number[];
  placeIds: number[];
};

export interface PublicationsRepository {
  insert(p: PublicationWrite, at: string, tx?: Tx): Promise<number>;
  /**
   * Saves only if nobody saved since `expectedVersion` was read, and bumps the version. Returns
   * false when the version moved on; the caller decides how to show the conflict.
   */
  updateIfVersion(
    id: number,
    expectedVersion: number,
    p: PublicationWrite,
    at: string,
    tx?: Tx,
  ): Promise<boolean>;
  findById(id: number, tx?: Tx): Promise<PublicationRecord | undefined>;
  findBySlug(sectionId: number, slug: string, tx?: Tx): Promise<PublicationRecord | undefined>;
  /** Every publication with this slug in any section, for `section/slug` disambiguation. */
  findAllBySlug(slug: string, tx?: Tx): Promise<Publication[]>;
  /** The back office's list: every status, newest changes first; the trash is kept apart. */
  listForEditors(
    filter: {
      status?: string;
      q?: string;
      needsAttention?: boolean;
      createdBy?: number;
      trashed?: boolean;
      limit?: number;
    },
    tx?: Tx,
  ): Promise<Publication[]>;
  /** Moves to the trash (or back): the record stays whole, and every public surface drops it. */
  setTrashed(
    id: number,
    deletedAt: string | null,
    at: string,
    record: PublicRecord,
    tx?: Tx,
  ): Promise<void>;
  /** Deletes for good; contributions, links, revisions and attachments go with it. */
  purge(id: number, tx?: Tx): Promise<void>;
  count(tx?: Tx): Promise<number>;
  /** The contributions of several publications at once, each list in printed order. */
  contributionsOf(
    ids: readonly number[],
    tx?: Tx,
  ): Promise<Map<number, PublicationRecord['contributions']>>;
}
