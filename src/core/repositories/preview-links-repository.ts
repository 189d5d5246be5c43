import type { Tx } from '../ports.ts';

/** A preview link as stored (the `preview_links` table, migration 0095). */
export interface PreviewLinkRow {
  id: number;
  publicationId: number;
  tokenHash: string;
  createdAt: string;
  createdByUserId: number | null;
  expiresAt: string;
  revokedAt: string | null;
}

/** A link as editors see it: who made it and until when, never its secret or hash. */
export type PreviewLinkListing = Omit<PreviewLinkRow, 'tokenHash'> & {
  createdBy: string | null;
};

/** Links that show one unpublished piece to a reader without an account, found by hash. */
export interface PreviewLinksRepository {
  insert(link: Omit<PreviewLinkRow, 'id' | 'revokedAt'>, tx?: Tx): Promise<number>;
  /** The link with this hash, if it is neither revoked nor expired at `now`. */
  findLive(tokenHash: string, now: string, tx?: Tx): Promise<PreviewLinkRow | undefined>;
  /** A piece's live links, newest first. */
  listLive(publicationId: number, now: string, tx?: Tx): Promise<PreviewLinkListing[]>;
  /** Revokes one of a piece's links, or all of them; returns how many were live. */
  revoke(publicationId: number, linkId: number | null, at: string, tx?: Tx): Promise<number>;
}
