import type { Selectable } from 'kysely';
import type { Publication, PublicationRecord } from '../../../core/entities.ts';
import type { Tx } from '../../../core/ports.ts';
import type { PublicRecord } from '../../../core/publication-status.ts';
import type {
  PublicationsRepository,
  PublicationWrite,
} from '../../../core/repositories/publications-repository.ts';
import type { PublicationTable } from '../database.ts';
import { dbOrTx, type Executor, flag } from '../executor.ts';

type Row = Selectable<PublicationTable>;

export function toPublication(row: Row): Publication {
  return { ...row, excerptOnly: row.excerptOnly === 1 };
}

export class PublicationsRepo implements PublicationsRepository {
  constructor(private readonly db: Executor) {}

  async insert(p: PublicationWrite, at: string, tx?: Tx): Promise<number> {
    const { contributions, topicIds, placeIds, ...fields } = p;
    const { id } = await dbOrTx(this.db, tx)
      .insertInto('publications')
      .values({
        ...fields,
        withdrawnAt: fields.withdrawnAt ?? null,
        publicFrom: fields.publicFrom ?? null,
        publicUntil: fields.publicUntil ?? null,
        excerptOnly: flag(fields.excerptOnly),
        version: 1,
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.replaceLinks(id, { contributions, topicIds, placeIds }, tx);
    return id;
  }

  /**
   * Saves only if nobody saved since `expectedVersion` was read, and bumps the version. Returns
   * false when the version moved on; the caller decides how to show the conflict.
   */
  async updateIfVersion(
    id: number,
    expectedVersion: number,
    p: PublicationWrite,
    at: string,
    tx?: Tx,
  ): Promise<boolean> {
    const { contributions, topicIds, placeIds, ...fields } = p;
    const result = await dbOrTx(this.db, tx)
      .updateTable('publications')
      .set((eb) => ({
        ...fields,
        excerptOnly: flag(fields.excerptOnly),
        version: eb('version', '+', 1),
        updatedAt: at,
      }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await this.replaceLinks(id, { contributions, topicIds, placeIds }, tx);
    return true;
  }

  private async replaceLinks(
    publicationId: number,
    links: Pick<PublicationWrite, 'contributions' | 'topicIds' | 'placeIds'>,
    tx?: Tx,
  ): Promise<void> {
    const db = dbOrTx(this.db, tx);
    await db.deleteFrom('contributions').where('publicationId', '=', publicationId).execute();
    await db.deleteFrom('publicationTopics').where('publicationId', '=', publicationId).execute();
    await db.deleteFrom('publicationPlaces').where('publicationId', '=', publicationId).execute();
    if (links.contributions.length > 0) {
      await db
        .insertInto('contributions')
        .values(links.contributions.map((c, position) => ({ ...c, publicationId, position })))
        .execute();
    }
    if (links.topicIds.length > 0) {
      await db
        .insertInto('publicationTopics')
        .values(links.topicIds.map((topicId, position) => ({ publicationId, topicId, position })))
        .execute();
    }
    if (links.placeIds.length > 0) {
      await db
        .insertInto('publicationPlaces')
        .values(links.placeIds.map((placeId, position) => ({ publicationId, placeId, position })))
        .execute();
    }
  }

  async findById(id: number, tx?: Tx): Promise<PublicationRecord | undefined> {
    const row = await dbOrTx(this.db, tx)
      .selectFrom('publications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? this.withLinks(toPublication(row), tx) : undefined;
  }

  async findBySlug(
    sectionId: number,
    slug: string,
    tx?: Tx,
  ): Promise<PublicationRecord | undefined> {
    const row = await dbOrTx(this.db, tx)
      .selectFrom('publications')
      .selectAll()
      .where('sectionId', '=', sectionId)
      .where('slug', '=', slug)
      .executeTakeFirst();
    return row ? this.withLinks(toPublication(row), tx) : undefined;
  }

  /** Every publication with this slug in any section, for `section/slug` disambiguation. */
  async findAllBySlug(slug: string, tx?: Tx): Promise<Publication[]> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('publications')
      .selectAll()
      .where('slug', '=', slug)
      .execute();
    return rows.map(toPublication);
  }

  /** The back office's list: every status, newest changes first; the trash is kept apart. */
  async listForEditors(
    filter: Parameters<PublicationsRepository['listForEditors']>[0],
    tx?: Tx,
  ): Promise<Publication[]> {
    let q = dbOrTx(this.db, tx)
      .selectFrom('publications')
      .selectAll()
      .where('deletedAt', filter.trashed ? 'is not' : 'is', null);
    if (filter.status) q = q.where('status', '=', filter.status as Publication['status']);
    if (filter.needsAttention) q = q.where('needsAttention', 'is not', null);
    if (filter.createdBy !== undefined) q = q.where('createdByUserId', '=', filter.createdBy);
    if (filter.q) q = q.where('title', 'like', `%${filter.q.replace(/[%_\\]/g, '')}%`);
    const rows = await q
      .orderBy('updatedAt', 'desc')
      .limit(filter.limit ?? 200)
      .execute();
    return rows.map(toPublication);
  }

  /** Moves to the trash (or back): the record stays whole, and every public surface drops it. */
  async setTrashed(
    id: number,
    deletedAt: string | null,
    at: string,
    record: PublicRecord,
    tx?: Tx,
  ): Promise<void> {
    await dbOrTx(this.db, tx)
      .updateTable('publications')
      .set((eb) => ({ deletedAt, ...record, updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }

  /** Deletes for good; contributions, links, revisions and attachments go with it. */
  async purge(id: number, tx?: Tx): Promise<void> {
    const db = dbOrTx(this.db, tx);
    await db.deleteFrom('revisions').where('publicationId', '=', id).execute();
    await db
      .deleteFrom('publications')
      .where('id', '=', id)
      .where('deletedAt', 'is not', null)
      .execute();
  }

  async count(tx?: Tx): Promise<number> {
    const { n } = await dbOrTx(this.db, tx)
      .selectFrom('publications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  /** The contributions of several publications at once, each list in printed order. */
  async contributionsOf(
    ids: readonly number[],
    tx?: Tx,
  ): Promise<Map<number, PublicationRecord['contributions']>> {
    const out = new Map<number, PublicationRecord['contributions']>(ids.map((id) => [id, []]));
    if (ids.length === 0) return out;
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('contributions')
      .select(['publicationId', 'personId', 'role', 'credit', 'affiliationLabel', 'position'])
      .where('publicationId', 'in', [...ids])
      .orderBy('publicationId')
      .orderBy('position')
      .execute();
    for (const { publicationId, ...c } of rows) out.get(publicationId)?.push(c);
    return out;
  }

  private async withLinks(p: Publication, tx?: Tx): Promise<PublicationRecord> {
    const db = dbOrTx(this.db, tx);
    const [contributions, topics, places] = await Promise.all([
      db
        .selectFrom('contributions')
        .select(['personId', 'role', 'credit', 'affiliationLabel', 'position'])
        .where('publicationId', '=', p.id)
        .orderBy('position')
        .execute(),
      db
        .selectFrom('publicationTopics')
        .select('topicId')
        .where('publicationId', '=', p.id)
        .orderBy('position')
        .execute(),
      db
        .selectFrom('publicationPlaces')
        .select('placeId')
        .where('publicationId', '=', p.id)
        .orderBy('position')
        .execute(),
    ]);
    return {
      ...p,
      contributions,
      topicIds: topics.map((t) => t.topicId),
      placeIds: places.map((pl) => pl.placeId),
    };
  }
}
