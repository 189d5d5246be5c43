import type { Place, PlaceName } from '../../../core/entities.ts';
import type { Tx } from '../../../core/ports.ts';
import type { NewPlace, PlacesRepository } from '../../../core/repositories/places-repository.ts';
import { dbOrTx, type Executor, flag } from '../executor.ts';
import { EntityTable, linkedPublicationIds, replaceLinkRows } from './entity-table.ts';

const PLACE_COLUMNS = [
  'id',
  'slug',
  'kind',
  'parentId',
  'latitude',
  'longitude',
  'coordinatesSource',
  'parentSource',
  'updatedAt',
] as const;

export class PlacesRepo implements PlacesRepository {
  private readonly rows: EntityTable<'places', Omit<Place, 'names'>>;

  constructor(private readonly db: Executor) {
    this.rows = new EntityTable(db, 'places', PLACE_COLUMNS);
  }

  async insert(place: NewPlace, at: string, tx?: Tx): Promise<Place> {
    const { names, ...row } = place;
    const inserted = await this.rows.insert({ ...row, createdAt: at, updatedAt: at }, tx);
    await this.replaceNames(inserted.id, names, tx);
    return { ...inserted, names };
  }

  async update(id: number, place: NewPlace, at: string, tx?: Tx): Promise<void> {
    const { names, ...row } = place;
    await this.rows.update(id, { ...row, updatedAt: at }, tx);
    await this.replaceNames(id, names, tx);
  }

  private replaceNames(placeId: number, names: PlaceName[], tx?: Tx): Promise<void> {
    const rows = names.map((n) => ({ ...n, preferred: flag(n.preferred) }));
    return replaceLinkRows(this.db, 'placeNames', 'placeId', placeId, rows, tx);
  }

  async findBySlug(slug: string, tx?: Tx): Promise<Place | undefined> {
    const row = await this.rows.findBy('slug', slug, tx);
    return row ? (await this.withNames([row], tx))[0] : undefined;
  }

  async findById(id: number, tx?: Tx): Promise<Place | undefined> {
    return (await this.findByIds([id], tx))[0];
  }

  /** Publications linked to this place, trashed ones included: their derived data names it. */
  publicationIds(placeId: number, tx?: Tx): Promise<number[]> {
    return linkedPublicationIds(this.db, 'publicationPlaces', 'placeId', placeId, tx);
  }

  async findByIds(ids: readonly number[], tx?: Tx): Promise<Place[]> {
    return this.withNames(await this.rows.findByIds(ids, tx), tx);
  }

  async list(tx?: Tx): Promise<Place[]> {
    return this.withNames(await this.rows.list(['slug'], tx), tx);
  }

  /** The place and every place inside it, at any depth (a province and its camps). */
  async descendantIds(placeId: number, tx?: Tx): Promise<number[]> {
    const all = await dbOrTx(this.db, tx).selectFrom('places').select(['id', 'parentId']).execute();
    const found = new Set([placeId]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const p of all) {
        if (p.parentId !== null && found.has(p.parentId) && !found.has(p.id)) {
          found.add(p.id);
          grew = true;
        }
      }
    }
    return [...found];
  }

  private async withNames(rows: Omit<Place, 'names'>[], tx?: Tx): Promise<Place[]> {
    if (rows.length === 0) return [];
    const names = await dbOrTx(this.db, tx)
      .selectFrom('placeNames')
      .select(['placeId', 'name', 'language', 'scheme', 'preferred'])
      .where(
        'placeId',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('placeId')
      .orderBy('position')
      .execute();
    return rows.map((r) => ({
      ...r,
      names: names
        .filter((n) => n.placeId === r.id)
        .map((n) => ({
          name: n.name,
          language: n.language,
          scheme: n.scheme,
          preferred: n.preferred === 1,
        })),
    }));
  }
}
