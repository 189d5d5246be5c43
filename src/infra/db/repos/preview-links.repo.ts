import type { Tx } from '../../../core/ports.ts';
import type {
  PreviewLinkListing,
  PreviewLinkRow,
  PreviewLinksRepository,
} from '../../../core/repositories/preview-links-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';

/** Links that show one unpublished piece to a reader without an account, found by hash. */
export class PreviewLinksRepo implements PreviewLinksRepository {
  constructor(private readonly db: Executor) {}

  async insert(link: Omit<PreviewLinkRow, 'id' | 'revokedAt'>, tx?: Tx): Promise<number> {
    const { id } = await dbOrTx(this.db, tx)
      .insertInto('previewLinks')
      .values({ ...link, revokedAt: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  /** The link with this hash, if it is neither revoked nor expired at `now`. */
  async findLive(tokenHash: string, now: string, tx?: Tx): Promise<PreviewLinkRow | undefined> {
    return dbOrTx(this.db, tx)
      .selectFrom('previewLinks')
      .selectAll()
      .where('tokenHash', '=', tokenHash)
      .where('revokedAt', 'is', null)
      .where('expiresAt', '>', now)
      .executeTakeFirst();
  }

  /** A piece's live links, newest first. */
  async listLive(publicationId: number, now: string, tx?: Tx): Promise<PreviewLinkListing[]> {
    return dbOrTx(this.db, tx)
      .selectFrom('previewLinks as l')
      .leftJoin('users as u', 'u.id', 'l.createdByUserId')
      .select([
        'l.id',
        'l.publicationId',
        'l.createdAt',
        'l.createdByUserId',
        'l.expiresAt',
        'l.revokedAt',
        'u.email as createdBy',
      ])
      .where('l.publicationId', '=', publicationId)
      .where('l.revokedAt', 'is', null)
      .where('l.expiresAt', '>', now)
      .orderBy('l.id', 'desc')
      .execute();
  }

  /** Revokes one of a piece's links, or all of them; returns how many were live. */
  async revoke(publicationId: number, linkId: number | null, at: string, tx?: Tx): Promise<number> {
    let q = dbOrTx(this.db, tx)
      .updateTable('previewLinks')
      .set({ revokedAt: at })
      .where('publicationId', '=', publicationId)
      .where('revokedAt', 'is', null);
    if (linkId !== null) q = q.where('id', '=', linkId);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
}
