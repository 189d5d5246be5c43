import { type ExpressionBuilder, sql } from 'kysely';
import type { Publication } from '../../../core/entities.ts';
import type { Tx } from '../../../core/ports.ts';
import type {
  ApiAudience,
  ApiCatalogRepository,
  ApiCursor,
  ApiPublicationFilter,
} from '../../../core/repositories/api-catalog-repository.ts';
import type { Database } from '../database.ts';
import { dbOrTx, type Executor } from '../executor.ts';
import {
  pageByDatestamp,
  publicDatestamp,
  publiclyVisible,
  tombstone,
} from '../public-visibility.ts';
import { toPublication } from './publications.repo.ts';

/**
 * The API's publication listing: every publication the audience may see, in the order of its
 * public datestamp (the latest of the last save, the date, the embargo's end and the
 * withdrawal), then id, so that a client syncs with `updated_since` and resumes with a cursor.
 * Public readers go through `publiclyVisible`, the same SQL as every public page.
 */
export class ApiCatalogRepo implements ApiCatalogRepository {
  constructor(private readonly db: Executor) {}

  private filtered(audience: ApiAudience, filter: ApiPublicationFilter, now: Date, tx?: Tx) {
    let q = dbOrTx(this.db, tx).selectFrom('publications');
    const visible = filter.includeTombstones
      ? sql<boolean>`(${publiclyVisible(now)} or ${tombstone()})`
      : publiclyVisible(now);
    if (audience.kind === 'public') q = q.where(visible);
    else if (audience.kind === 'staff') q = q.where('publications.deletedAt', 'is', null);
    else {
      const userId = audience.userId;
      q = q.where((eb) =>
        eb.or([
          visible,
          eb.and([
            eb('publications.deletedAt', 'is', null),
            eb('publications.createdByUserId', '=', userId),
          ]),
        ]),
      );
    }
    if (filter.sectionId !== undefined)
      q = q.where('publications.sectionId', '=', filter.sectionId);
    if (filter.type !== undefined) q = q.where('publications.type', '=', filter.type);
    if (filter.status !== undefined) q = q.where('publications.status', '=', filter.status);
    if (filter.language !== undefined) q = q.where('publications.language', '=', filter.language);
    if (filter.year !== undefined) {
      q = q
        .where('publications.publishedAt', '>=', `${filter.year}-01-01T00:00:00.000Z`)
        .where('publications.publishedAt', '<', `${filter.year + 1}-01-01T00:00:00.000Z`);
    }
    if (filter.updatedSince !== undefined) {
      q = q.where(publicDatestamp(), '>=', filter.updatedSince);
    }
    if (filter.personId !== undefined) {
      const personId = filter.personId;
      q = q.where((eb) => linked(eb, 'contributions', 'personId', [personId]));
    }
    if (filter.topicId !== undefined) {
      const topicId = filter.topicId;
      q = q.where((eb) => linked(eb, 'publicationTopics', 'topicId', [topicId]));
    }
    if (filter.placeIds !== undefined) {
      const ids = filter.placeIds.length > 0 ? filter.placeIds : [-1];
      q = q.where((eb) => linked(eb, 'publicationPlaces', 'placeId', ids));
    }
    if (filter.q) {
      for (const word of filter.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10)) {
        const pattern = `%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
        const like = (column: string) =>
          sql<boolean>`lower(coalesce(${sql.ref(column)}, '')) like ${pattern} escape '\\'`;
        q = q.where((eb) =>
          eb.or([
            like('publications.title'),
            like('publications.subtitle'),
            like('publications.summary'),
          ]),
        );
      }
    }
    return q;
  }

  async list(
    audience: ApiAudience,
    filter: ApiPublicationFilter,
    after: ApiCursor | null,
    limit: number,
    now: Date,
    tx?: Tx,
  ): Promise<Array<{ publication: Publication; datestamp: string }>> {
    const rows = await pageByDatestamp(this.filtered(audience, filter, now, tx), after, limit);
    return rows.map(({ datestamp, ...row }) => ({ publication: toPublication(row), datestamp }));
  }

  async count(
    audience: ApiAudience,
    filter: ApiPublicationFilter,
    now: Date,
    tx?: Tx,
  ): Promise<number> {
    const { n } = await this.filtered(audience, filter, now, tx)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  /** The audience's publications among `ids`, for translations and single reads. */
  async visibleIds(
    audience: ApiAudience,
    ids: readonly number[],
    now: Date,
    tx?: Tx,
  ): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await this.filtered(audience, {}, now, tx)
      .select('publications.id')
      .where('publications.id', 'in', [...ids])
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  /** Ids of publications in a translation group that the audience may see. */
  async translationIds(
    audience: ApiAudience,
    group: string,
    now: Date,
    tx?: Tx,
  ): Promise<number[]> {
    const rows = await this.filtered(audience, {}, now, tx)
      .select('publications.id')
      .where('publications.translationGroup', '=', group)
      .orderBy('publications.language')
      .orderBy('publications.id')
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * The people, topics or places linked to the publications a user created and has not
   * trashed: what a contributor's own drafts name, and so may show that contributor.
   */
  async linkedToCreator(
    kind: 'person' | 'topic' | 'place',
    userId: number,
    tx?: Tx,
  ): Promise<Set<number>> {
    const [table, column] = LINKS[kind];
    const { rows } = await sql<{ id: number }>`select distinct l.${sql.ref(column)} as id
      from ${sql.table(table)} l join publications p on p.id = l.publication_id
      where p.created_by_user_id = ${userId} and p.deleted_at is null`.execute(dbOrTx(this.db, tx));
    return new Set(rows.map((r) => Number(r.id)));
  }
}

const LINKS = {
  person: ['contributions', 'person_id'],
  topic: ['publication_topics', 'topic_id'],
  place: ['publication_places', 'place_id'],
} as const;

function linked(
  eb: ExpressionBuilder<Database, 'publications'>,
  table: 'contributions' | 'publicationTopics' | 'publicationPlaces',
  column: 'personId' | 'topicId' | 'placeId',
  ids: number[],
) {
  return eb.exists(
    eb
      .selectFrom(table)
      .select(sql.lit(1).as('one'))
      .where(sql.ref(`${table}.publicationId`), '=', sql.ref('publications.id'))
      .where(sql.ref(`${table}.${column}`), 'in', ids),
  );
}
