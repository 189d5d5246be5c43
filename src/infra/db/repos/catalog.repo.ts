import { sql } from 'kysely';
import type { Publication } from '../../../core/entities.ts';
import type { Tx } from '../../../core/ports.ts';
import type {
  CatalogFilter,
  CatalogRepository,
  ChangeGroup,
  Page,
} from '../../../core/repositories/catalog-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';
import { listedType, publicDatestamp, publiclyVisible } from '../public-visibility.ts';
import { toPublication } from './publications.repo.ts';

/**
 * Read queries for public surfaces. Every query here goes through `publiclyVisible`, so no
 * draft, embargoed, scheduled, withdrawn or deleted record can reach a reader through it.
 */
export class CatalogRepo implements CatalogRepository {
  constructor(private readonly db: Executor) {}

  private filtered(filter: CatalogFilter, now: Date, tx?: Tx) {
    let q = dbOrTx(this.db, tx).selectFrom('publications').where(publiclyVisible(now));
    if (!filter.includePages) q = q.where(listedType());
    if (filter.sectionId !== undefined)
      q = q.where('publications.sectionId', '=', filter.sectionId);
    if (filter.type !== undefined) q = q.where('publications.type', '=', filter.type);
    if (filter.seriesId !== undefined) q = q.where('publications.seriesId', '=', filter.seriesId);
    if (filter.translationGroup !== undefined) {
      q = q.where('publications.translationGroup', '=', filter.translationGroup);
    }
    if (filter.year !== undefined) {
      q = q
        .where('publications.publishedAt', '>=', `${filter.year}-01-01T00:00:00.000Z`)
        .where('publications.publishedAt', '<', `${filter.year + 1}-01-01T00:00:00.000Z`);
    }
    // "id in (a person's, a topic's, a place's pieces)" rather than "exists" per row: SQLite
    // then starts from the link table's index and probes the few publications it names,
    // instead of walking every public publication to probe the link table.
    if (filter.personId !== undefined) {
      const personId = filter.personId;
      q = q.where('publications.id', 'in', (eb) =>
        eb
          .selectFrom('contributions')
          .select('contributions.publicationId')
          .where('contributions.personId', '=', personId),
      );
    }
    if (filter.topicId !== undefined) {
      const topicId = filter.topicId;
      q = q.where('publications.id', 'in', (eb) =>
        eb
          .selectFrom('publicationTopics')
          .select('publicationTopics.publicationId')
          .where('publicationTopics.topicId', '=', topicId),
      );
    }
    if (filter.placeIds !== undefined) {
      const placeIds = filter.placeIds.length > 0 ? filter.placeIds : [-1];
      q = q.where('publications.id', 'in', (eb) =>
        eb
          .selectFrom('publicationPlaces')
          .select('publicationPlaces.publicationId')
          .where('publicationPlaces.placeId', 'in', placeIds),
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

  /** The first public pieces of a filter, without counting them all (menus, teasers). */
  async first(filter: CatalogFilter, limit: number, now: Date, tx?: Tx): Promise<Publication[]> {
    const rows = await this.filtered(filter, now, tx)
      .selectAll('publications')
      .orderBy('publications.publishedAt', 'desc')
      .orderBy('publications.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toPublication);
  }

  /**
   * The next moment after `after` at which a publication becomes public without any write (its
   * date or its embargo passes), or null if none is waiting.
   */
  async nextRelease(after: string, tx?: Tx): Promise<string | null> {
    const row = await dbOrTx(this.db, tx)
      .selectFrom('publications')
      .select((eb) => [
        eb.fn.min('embargoUntil').filterWhere('embargoUntil', '>', after).as('embargo'),
        eb.fn.min('publishedAt').filterWhere('publishedAt', '>', after).as('published'),
      ])
      .where('status', '=', 'published')
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
    return (
      [row?.embargo, row?.published].filter((v): v is string => typeof v === 'string').sort()[0] ??
      null
    );
  }

  /** Sections with at least one listed public piece: one index seek each, no counting. */
  async sectionsWithWork(now: Date, tx?: Tx): Promise<Set<number>> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('sections')
      .select('sections.id')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('publications')
            .select(sql.lit(1).as('one'))
            .whereRef('publications.sectionId', '=', 'sections.id')
            .where(publiclyVisible(now))
            .where(listedType()),
        ),
      )
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Listed public work per section: the counts triggers keep (migration 0091), less the listed
   * pieces whose date or embargo is still ahead at `now`. Counting the rows read every listed
   * publication on every render; these are two index seeks.
   */
  async countsBySection(now: Date, tx?: Tx): Promise<Map<number, number>> {
    const at = now.toISOString();
    // Each half of `ahead` seeks its own index: the listing index by date, the embargo index.
    const listed = sql`status = 'published' and deleted_at is null and type <> 'page'`;
    const { rows } = await sql<{ id: number; n: number }>`
      select sections.id, coalesce(kept.listed, 0) - coalesce(ahead.n, 0) as n
      from sections
      left join section_listed_counts kept on kept.section_id = sections.id
      left join (
        select section_id, count(*) as n from (
          select id, section_id from publications where ${listed} and published_at > ${at}
          union
          select id, section_id from publications
            where embargo_until > ${at} and ${listed} and published_at is not null
        ) p group by section_id
      ) ahead on ahead.section_id = sections.id`.execute(dbOrTx(this.db, tx));
    return new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
  }

  /**
   * Listed public work per person, in one statement, for the people index: only people with
   * public work appear. (One count per person made that page as many queries as the archive
   * has people.)
   */
  async countsByPerson(now: Date, tx?: Tx): Promise<Map<number, number>> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('contributions')
      .innerJoin('publications', 'publications.id', 'contributions.publicationId')
      .where(publiclyVisible(now))
      .where(listedType())
      .groupBy('contributions.personId')
      // A person with two roles on one piece is counted once for it, as their listing shows it.
      .select((eb) => [
        'contributions.personId as id',
        eb.fn.count<number>('publications.id').distinct().as('n'),
      ])
      .execute();
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  }

  /** Listed public work per topic, in one statement, for the topics index. */
  async countsByTopic(now: Date, tx?: Tx): Promise<Map<number, number>> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('publicationTopics')
      .innerJoin('publications', 'publications.id', 'publicationTopics.publicationId')
      .where(publiclyVisible(now))
      .where(listedType())
      .groupBy('publicationTopics.topicId')
      .select((eb) => [
        'publicationTopics.topicId as id',
        eb.fn.count<number>('publications.id').distinct().as('n'),
      ])
      .execute();
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
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
  /**
   * Every public page's publication (listed work and pages such as About), with its public
   * datestamp, in id order: what the sitemap lists.
   */
  async publicDatestamps(now: Date, tx?: Tx): ReturnType<CatalogRepository['publicDatestamps']> {
    const rows = await this.filtered({ includePages: true }, now, tx)
      .select([
        'publications.id',
        'publications.sectionId',
        'publications.slug',
        'publications.type',
        'publications.publishedAt',
      ])
      .select(publicDatestamp().as('datestamp'))
      .orderBy('publications.id')
      .execute();
    return rows;
  }

  /** The newest public datestamp of the listed work in each section, or of each person, topic or place. */
  async latestChanges(group: ChangeGroup, now: Date, tx?: Tx): Promise<Map<number, string>> {
    const db = dbOrTx(this.db, tx);
    const stamp = sql<string>`max(${publicDatestamp()})`.as('datestamp');
    const visible = (q: ReturnType<typeof db.selectFrom<'publications'>>) =>
      q.where(publiclyVisible(now)).where(listedType());
    let rows: Array<{ key: number; datestamp: string }>;
    if (group === 'section') {
      rows = await visible(db.selectFrom('publications'))
        .select(['publications.sectionId as key', stamp])
        .groupBy('publications.sectionId')
        .execute();
    } else if (group === 'person') {
      rows = await visible(db.selectFrom('publications'))
        .innerJoin('contributions', 'contributions.publicationId', 'publications.id')
        .select(['contributions.personId as key', stamp])
        .groupBy('contributions.personId')
        .execute();
    } else if (group === 'topic') {
      rows = await visible(db.selectFrom('publications'))
        .innerJoin('publicationTopics', 'publicationTopics.publicationId', 'publications.id')
        .select(['publicationTopics.topicId as key', stamp])
        .groupBy('publicationTopics.topicId')
        .execute();
    } else {
      rows = await visible(db.selectFrom('publications'))
        .innerJoin('publicationPlaces', 'publicationPlaces.publicationId', 'publications.id')
        .select(['publicationPlaces.placeId as key', stamp])
        .groupBy('publicationPlaces.placeId')
        .execute();
    }
    return new Map(rows.map((r) => [Number(r.key), r.datestamp]));
  }
}
