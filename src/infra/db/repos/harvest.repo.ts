import type { Tx } from '../../../core/ports.ts';
import type {
  HarvestRepository,
  HarvestRow,
  HarvestWindow,
} from '../../../core/repositories/harvest-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';
import {
  listedType,
  pageByDatestamp,
  publicDatestamp,
  publiclyVisible,
  tombstone,
} from '../public-visibility.ts';
import { toPublication } from './publications.repo.ts';

/**
 * Read queries for harvesters (OAI-PMH). Unlike the catalog, a harvest also sees the tombstones
 * of withdrawn work the public once saw, so that harvesters can delete their copies; nothing
 * else that is not public reaches it.
 */
export class HarvestRepo implements HarvestRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Harvestable records (OAI-PMH): listed work that is public now, plus tombstones of withdrawn
   * work the public once saw, in datestamp order, then by id, resuming after `after`. Drafts,
   * embargoed, scheduled and trashed records never appear, not even as deletions.
   */
  private harvestable(window: HarvestWindow, now: Date, tx?: Tx) {
    let q = dbOrTx(this.db, tx)
      .selectFrom('publications')
      .where((eb) => eb.or([publiclyVisible(now), tombstone()]))
      .where(listedType())
      .where(publicDatestamp(), '<', window.until);
    if (window.from !== null) q = q.where(publicDatestamp(), '>=', window.from);
    if (window.sectionId !== undefined)
      q = q.where('publications.sectionId', '=', window.sectionId);
    if (window.type !== undefined) q = q.where('publications.type', '=', window.type);
    return q;
  }

  async harvest(
    window: HarvestWindow,
    after: { datestamp: string; id: number } | null,
    limit: number,
    now: Date,
    tx?: Tx,
  ): Promise<HarvestRow[]> {
    const rows = await pageByDatestamp(this.harvestable(window, now, tx), after, limit);
    return rows.map(({ datestamp, ...row }) => this.harvestRow(row, datestamp));
  }

  async countHarvest(window: HarvestWindow, now: Date, tx?: Tx): Promise<number> {
    const { n } = await this.harvestable(window, now, tx)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  /** One harvestable record by id, or undefined when it is not (or never was) public. */
  async harvestRecord(id: number, now: Date, tx?: Tx): Promise<HarvestRow | undefined> {
    const row = await this.harvestable({ from: null, until: '9999' }, now, tx)
      .where('publications.id', '=', id)
      .selectAll('publications')
      .select(publicDatestamp().as('datestamp'))
      .executeTakeFirst();
    if (!row) return undefined;
    const { datestamp, ...rest } = row;
    return this.harvestRow(rest, datestamp);
  }

  /** The earliest datestamp among harvestable records, or null for an empty archive. */
  async earliestDatestamp(now: Date, tx?: Tx): Promise<string | null> {
    const row = await this.harvestable({ from: null, until: '9999' }, now, tx)
      .select(publicDatestamp().as('datestamp'))
      .orderBy(publicDatestamp())
      .limit(1)
      .executeTakeFirst();
    return row?.datestamp ?? null;
  }

  private harvestRow(row: Parameters<typeof toPublication>[0], datestamp: string): HarvestRow {
    const publication = toPublication(row);
    return { publication, datestamp, deleted: publication.status !== 'published' };
  }
}
