import type { PublicationType } from '../content-types.ts';
import type { Publication } from '../entities.ts';
import type { Tx } from '../ports.ts';

/** Which records a harvest (OAI-PMH) asks for: a set and a datestamp window, `until` exclusive. */
export interface HarvestWindow {
  sectionId?: number;
  type?: PublicationType;
  from: string | null;
  until: string;
}

/** A harvestable record: public now, or the tombstone of one that was. */
export interface HarvestRow {
  publication: Publication;
  /** `publicDatestamp`: when the public last saw it change. */
  datestamp: string;
  deleted: boolean;
}

/**
 * Read queries for harvesters (OAI-PMH). Unlike the catalog, a harvest also sees the tombstones
 * of withdrawn work the public once saw, so that harvesters can delete their copies; nothing
 * else that is not public reaches it.
 */
export interface HarvestRepository {
  harvest(
    window: HarvestWindow,
    after: {
      datestamp: string;
      id: number;
    } | null,
    limit: number,
    now: Date,
    tx?: Tx,
  ): Promise<HarvestRow[]>;
  countHarvest(window: HarvestWindow, now: Date, tx?: Tx): Promise<number>;
  /** One harvestable record by id, or undefined when it is not (or never was) public. */
  harvestRecord(id: number, now: Date, tx?: Tx): Promise<HarvestRow | undefined>;
  /** The earliest datestamp among harvestable records, or null for an empty archive. */
  earliestDatestamp(now: Date, tx?: Tx): Promise<string | null>;
}
