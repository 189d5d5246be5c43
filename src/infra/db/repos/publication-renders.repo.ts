import { sql } from 'kysely';
import type { Dialect } from '../../../core/database-handle.ts';
import type { Tx } from '../../../core/ports.ts';
import type { PublicationParts } from '../../../core/public-views.ts';
import type { PublicationStatus } from '../../../core/publication-status.ts';
import type {
  FrameStamps,
  PublicationRenders,
  RenderStamps,
  StoredPageRow,
} from '../../../core/stored-pages.ts';
import { batchedLookup } from '../batched-lookup.ts';
import { dbOrTx, type Executor } from '../executor.ts';
import { preparedQuery } from '../prepared-query.ts';

/** The site's own stamp: settings, sections, series, organizations and places move it. */
const SITE = 0;

/** The catalog's stamp: any change to any publication moves it. */
const CATALOG = -1;

/** The columns both forms of the lookup answer with. */
const PAGE_COLUMNS = [
  'p.id',
  'p.status',
  'p.publishedAt',
  'p.embargoUntil',
  'p.deletedAt',
  'p.withdrawnAt',
  'p.publicFrom',
  'p.title',
  'p.language',
  'p.updatedAt',
  'p.sectionId',
  'p.seriesId',
  'p.translationGroup',
  'site.stamp as siteStamp',
  'r.head',
  'r.breadcrumbs',
  'r.header',
  'r.body',
  'r.digest',
] as const;

/** One query per request for a stored publication page, so it is built and compiled once. */
const findPage = preparedQuery(['sectionSlug', 'slug', 'locale', 'renderer'], (db, v) =>
  db
    .selectFrom('sections as s')
    .innerJoin('publications as p', 'p.sectionId', 's.id')
    .innerJoin('renderStamps as site', (j) => j.on('site.publicationId', '=', SITE))
    .leftJoin('renderStamps as own', 'own.publicationId', 'p.id')
    .leftJoin('renderStamps as catalog', (j) => j.on('catalog.publicationId', '=', CATALOG))
    .leftJoin('publicationRenders as r', (j) =>
      j
        .onRef('r.publicationId', '=', 'p.id')
        .on('r.locale', '=', v.locale)
        .on('r.renderer', '=', v.renderer)
        .onRef('r.siteStamp', '=', 'site.stamp')
        .on('r.stamp', '=', (eb) => eb.fn.coalesce('own.stamp', eb.lit(0))),
    )
    .where('s.slug', '=', v.sectionSlug)
    .where('p.slug', '=', v.slug)
    .select(PAGE_COLUMNS)
    .select((eb) => [
      eb.fn.coalesce('catalog.stamp', eb.lit(0)).as('catalogStamp'),
      eb.fn.coalesce('own.stamp', eb.lit(0)).as('stamp'),
    ]),
);

/**
 * The same lookup for many addresses at once, on PostgreSQL (batched-lookup.ts): the addresses
 * go as four arrays, unnested into rows numbered from 1, and each answer says which it is for.
 */
const findPages = preparedQuery(['sectionSlugs', 'slugs', 'locales', 'renderers'], (db, v) =>
  db
    .selectFrom(
      sql<
        PageAddress & { n: number }
      >`unnest(${v.sectionSlugs}::text[], ${v.slugs}::text[], ${v.locales}::text[], ${v.renderers}::text[]) with ordinality`.as<'a'>(
        sql`a(section_slug, slug, locale, renderer, n)`,
      ),
    )
    .innerJoin('sections as s', 's.slug', 'a.sectionSlug')
    .innerJoin('publications as p', (j) =>
      j.onRef('p.sectionId', '=', 's.id').onRef('p.slug', '=', 'a.slug'),
    )
    .innerJoin('renderStamps as site', (j) => j.on('site.publicationId', '=', SITE))
    .leftJoin('renderStamps as own', 'own.publicationId', 'p.id')
    .leftJoin('renderStamps as catalog', (j) => j.on('catalog.publicationId', '=', CATALOG))
    .leftJoin('publicationRenders as r', (j) =>
      j
        .onRef('r.publicationId', '=', 'p.id')
        .onRef('r.locale', '=', 'a.locale')
        .onRef('r.renderer', '=', 'a.renderer')
        .onRef('r.siteStamp', '=', 'site.stamp')
        .on('r.stamp', '=', (eb) => eb.fn.coalesce('own.stamp', eb.lit(0))),
    )
    .select(PAGE_COLUMNS)
    .select((eb) => [
      eb.fn.coalesce('catalog.stamp', eb.lit(0)).as('catalogStamp'),
      eb.fn.coalesce('own.stamp', eb.lit(0)).as('stamp'),
      'a.n',
    ]),
);

interface PageAddress {
  sectionSlug: string;
  slug: string;
  locale: string;
  renderer: string;
}

type PageRow = Awaited<ReturnType<typeof findPage>>[number];

/** Readers arriving together are answered by one query, up to this many addresses in it. */
const MAX_BATCH = 64;

export class PublicationRendersRepo implements PublicationRenders {
  /** On PostgreSQL, where each query is a round trip, lookups made together share one. */
  private readonly lookup: (address: PageAddress) => Promise<PageRow | undefined>;

  constructor(
    private readonly db: Executor,
    dialect: Dialect,
  ) {
    this.lookup =
      dialect === 'postgres'
        ? batchedLookup({
            idOf: addressId,
            fetch: (addresses) => this.findMany(addresses),
            maxBatch: MAX_BATCH,
          })
        : async (address) => (await findPage(db, address))[0];
  }

  /**
   * One query: the publication at this address, the current stamps, and its stored parts for
   * this language if they were made by this renderer under those same stamps.
   */
  async find(
    sectionSlug: string,
    slug: string,
    locale: string,
    renderer: string,
  ): Promise<StoredPageRow | undefined> {
    const row = await this.lookup({ sectionSlug, slug, locale, renderer });
    if (!row) return undefined;
    const { head, breadcrumbs, header, body, digest, ...rest } = row;
    // A row stored before digests were kept counts as out of date: it is rendered again.
    const parts =
      head !== null && breadcrumbs !== null && header !== null && body !== null && digest !== null
        ? { head, breadcrumbs, header, body, digest }
        : null;
    return { ...rest, status: rest.status as PublicationStatus, parts };
  }

  private async findMany(addresses: PageAddress[]): Promise<Map<string, PageRow>> {
    const rows = await findPages(this.db, {
      sectionSlugs: addresses.map((a) => a.sectionSlug),
      slugs: addresses.map((a) => a.slug),
      locales: addresses.map((a) => a.locale),
      renderers: addresses.map((a) => a.renderer),
    });
    const found = new Map<string, PageRow>();
    for (const { n, ...row } of rows) {
      const address = addresses[Number(n) - 1];
      if (address) found.set(addressId(address), row);
    }
    return found;
  }

  /** Keeps parts rendered from data read under these stamps (they replace older ones). */
  async store(
    publicationId: number,
    locale: string,
    renderer: string,
    stamps: RenderStamps,
    parts: PublicationParts,
  ): Promise<void> {
    const row = { publicationId, locale, renderer, ...stamps, ...parts };
    await this.db
      .insertInto('publicationRenders')
      .values(row)
      .onConflict((oc) => oc.columns(['publicationId', 'locale']).doUpdateSet(row))
      .execute();
  }

  /** The stamps of every page's frame, as they are now. */
  async frameStamps(): Promise<FrameStamps> {
    const rows = await this.db
      .selectFrom('renderStamps')
      .select(['publicationId', 'stamp'])
      .where('publicationId', 'in', [SITE, CATALOG])
      .execute();
    const of = (id: number) => rows.find((r) => r.publicationId === id)?.stamp ?? 0;
    return { siteStamp: of(SITE), catalogStamp: of(CATALOG) };
  }

  /** Something these publications' pages show changed: their stored parts are out of date. */
  async stampPublications(ids: readonly number[], tx?: Tx): Promise<void> {
    for (const id of new Set(ids)) await this.bump(id, tx);
  }

  /** Some publication changed: the menu (sections with public work, static pages) may have. */
  async stampCatalog(tx?: Tx): Promise<void> {
    await this.bump(CATALOG, tx);
  }

  /** Something every page shows changed (the site's name, a section, a series…). */
  async stampSite(tx?: Tx): Promise<void> {
    await this.bump(SITE, tx);
  }

  private async bump(publicationId: number, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx)
      .insertInto('renderStamps')
      .values({ publicationId, stamp: 1 })
      .onConflict((oc) =>
        oc.column('publicationId').doUpdateSet({ stamp: sql<number>`render_stamps.stamp + 1` }),
      )
      .execute();
  }
}

const addressId = (a: PageAddress) =>
  `${a.sectionSlug}\u0000${a.slug}\u0000${a.locale}\u0000${a.renderer}`;
