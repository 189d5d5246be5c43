import { sql } from 'kysely';
import type { Publication } from '../../domain/entities.ts';
import type { Tx } from '../../services/ports.ts';
import { dbOrTx, type Executor } from '../executor.ts';
import { listedType, publiclyVisible } from '../public-visibility.ts';
import { toPublication } from './publications.repo.ts';

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
}

export interface Page<T> {
  items: T[];
  total: number;
}

/**
 * Read queries for public surfaces. Every query here goes through `publiclyVisible`, so no
 * draft, embargoed, scheduled, withdrawn or deleted record can reach a reader through it.
 */
export class CatalogRepo {
  constructor(private readonly db: Executor) {}

  private filtered(filter: CatalogFilter, now: Date, tx?: Tx) {
    let q = dbOrTx(this.db, tx).selectFrom('publications').where(publiclyVisible(now));
    if (!filter.includePages) q = q.where(listedType());
    if (filter.sectionId !== undefined)
      q = q.where('publications.sectionId', '=', filter.sectionId);
    if (filter.seriesId !== undefined) q = q.where('publications.seriesId', '=', filter.seriesId);
    if (filter.translationGroup !== undefined) {
      q = q.where('publications.translationGroup', '=', filter.translationGroup);
    }
    if (filter.year !== undefined) {
      q = q
        .where('publications.publishedAt', '>=', `${filter.year}-01-01T00:00:00.000Z`)
        .where('publications.publishedAt', '<', `${filter.year + 1}-01-01T00:00:00.000Z`);
    }
    if (filter.personId !== undefined) {
      const personId = filter.personId;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('contributions')
            .select(sql.lit(1).as('one'))
            .whereRef('contributions.publicationId', '=', 'publications.id')
            .where('contributions.personId', '=', personId),
        ),
      );
    }
    if (filter.topicId !== undefined) {
      const topicId = filter.topicId;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('publicationTopics')
            .select(sql.lit(1).as('one'))
            .whereRef('publicationTopics.publicationId', '=', 'publications.id')
            .where('publicationTopics.topicId', '=', topicId),
        ),
      );
    }
    if (filter.placeIds !== undefined) {
      const placeIds = filter.placeIds.length > 0 ? filter.placeIds : [-1];
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('publicationPlaces')
            .select(sql.lit(1).as('one'))
            .whereRef('publicationPlaces.publicationId', '=', 'publications.id')
            .where('publicationPlaces.placeId', 'in', placeIds),
        ),
      );
    }
    return q;
  }

  async list(
    filter: CatalogFilter,
    paging: { limit: number; offset: number },
    now: Date,
    tx?: Tx,
  ): Promise<Page<Publication>> {
    const [rows, count] = await Promise.all([
      this.filtered(filter, now, tx)
        .selectAll('publications')
        .orderBy('publications.publishedAt', 'desc')
        .orderBy('publications.id', 'desc')
        .limit(paging.limit)
        .offset(paging.offset)
        .execute(),
      this.count(filter, now, tx),
    ]);
    return { items: rows.map(toPublication), total: count };
  }

  async count(filter: CatalogFilter, now: Date, tx?: Tx): Promise<number> {
    const { n } = await this.filtered(filter, now, tx)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  /** Every public piece of a series, in series order, for previous/next. */
  async series(seriesId: number, now: Date, tx?: Tx): Promise<Publication[]> {
    const rows = await this.filtered({ seriesId }, now, tx)
      .selectAll('publications')
      .orderBy('publications.seriesPosition')
      .execute();
    return rows.map(toPublication);
  }

  async translations(group: string, now: Date, tx?: Tx): Promise<Publication[]> {
    const rows = await this.filtered({ translationGroup: group, includePages: true }, now, tx)
      .selectAll('publications')
      .orderBy('publications.language')
      .execute();
    return rows.map(toPublication);
  }

  /** Years that have public work, newest first, with how many pieces each. */
  async years(now: Date, tx?: Tx): Promise<Array<{ year: number; count: number }>> {
    const rows = await this.filtered({}, now, tx)
      .select([
        sql<string>`substr(${sql.ref('publications.publishedAt')}, 1, 4)`.as('year'),
        (eb) => eb.fn.countAll<number>().as('count'),
      ])
      .groupBy(sql`substr(${sql.ref('publications.publishedAt')}, 1, 4)`)
      .orderBy('year', 'desc')
      .execute();
    return rows.map((r) => ({ year: Number(r.year), count: Number(r.count) }));
  }
}
