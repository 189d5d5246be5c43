import type { Place, PlaceName } from '../../../core/entities.ts';
import { outlineFromText, outlineText } from '../../../core/geojson.ts';
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
  'footprint',
  'footprintSource',
  'updatedAt',
] as const;

/** A row as stored: the outline is GeoJSON text. */
type PlaceRow = Omit<Place, 'names' | 'footprint'> & { footprint: string | null };
type PlaceWithoutNames = Omit<Place, 'names'>;

const fromRow = (row: PlaceRow): PlaceWithoutNames => ({
  ...row,
  footprint: outlineFromText(row.footprint),
});

/** The columns to write: the outline as GeoJSON text. */
function toRow(place: NewPlace) {
  const { names: _names, footprint, ...row } = place;
  return { ...row, footprint: footprint ? outlineText(footprint) : null };
}

export class PlacesRepo implements PlacesRepository {
  private readonly rows: EntityTable<'places', PlaceRow>;

  constructor(private readonly db: Executor) {
    this.rows = new EntityTable(db, 'places', PLACE_COLUMNS);
  }

  async insert(place: NewPlace, at: string, tx?: Tx): Promise<Place> {
    const inserted = await this.rows.insert({ ...toRow(place), createdAt: at, updatedAt: at }, tx);
    await this.replaceNames(inserted.id, place.names, tx);
    return { ...fromRow(inserted), names: place.names };
  }

  async update(id: number, place: NewPlace, at: string, tx?: Tx): Promise<void> {
    await this.rows.update(id, { ...toRow(place), updatedAt: at }, tx);
    await this.replaceNames(id, place.names, tx);
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

  private async withNames(stored: PlaceRow[], tx?: Tx): Promise<Place[]> {
    if (stored.length === 0) return [];
    const rows = stored.map(fromRow);
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
