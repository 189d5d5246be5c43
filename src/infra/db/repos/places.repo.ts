import type { Place, PlaceName } from '../../../core/entities.ts';
import type { Tx } from '../../../core/ports.ts';
import type { NewPlace, PlacesRepository } from '../../../core/repositories/places-repository.ts';
import { dbOrTx, type Executor, flag } from '../executor.ts';

const PLACE_COLUMNS = [
  'id',
  'slug',
  'kind',
  'parentId',
  'latitude',
  'longitude',
  'coordinatesSource',
  'updatedAt',
] as const;

export class PlacesRepo implements PlacesRepository {
  constructor(private readonly db: Executor) {}

  async insert(place: NewPlace, at: string, tx?: Tx): Promise<Place> {
    const { names, ...row } = place;
    const inserted = await dbOrTx(this.db, tx)
      .insertInto('places')
      .values({ ...row, createdAt: at, updatedAt: at })
      .returning(PLACE_COLUMNS)
      .executeTakeFirstOrThrow();
    await this.replaceNames(inserted.id, names, tx);
    return { ...inserted, names };
  }

  async update(id: number, place: NewPlace, at: string, tx?: Tx): Promise<void> {
    const { names, ...row } = place;
    await dbOrTx(this.db, tx)
      .updateTable('places')
      .set({ ...row, updatedAt: at })
      .where('id', '=', id)
      .execute();
    await this.replaceNames(id, names, tx);
  }

  private async replaceNames(placeId: number, names: PlaceName[], tx?: Tx): Promise<void> {
    const db = dbOrTx(this.db, tx);
    await db.deleteFrom('placeNames').where('placeId', '=', placeId).execute();
    if (names.length === 0) return;
    await db
      .insertInto('placeNames')
      .values(
        names.map((n, position) => ({ ...n, preferred: flag(n.preferred), placeId, position })),
      )
      .execute();
  }

  async findBySlug(slug: string, tx?: Tx): Promise<Place | undefined> {
    const row = await dbOrTx(this.db, tx)
      .selectFrom('places')
      .select(PLACE_COLUMNS)
      .where('slug', '=', slug)
      .executeTakeFirst();
    return row ? (await this.withNames([row], tx))[0] : undefined;
  }

  async findById(id: number, tx?: Tx): Promise<Place | undefined> {
    return (await this.findByIds([id], tx))[0];
  }

  /** Publications linked to this place, trashed ones included: their derived data names it. */
  async publicationIds(placeId: number, tx?: Tx): Promise<number[]> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('publicationPlaces')
      .select('publicationId')
      .distinct()
      .where('placeId', '=', placeId)
      .orderBy('publicationId')
      .execute();
    return rows.map((r) => r.publicationId);
  }

  async findByIds(ids: readonly number[], tx?: Tx): Promise<Place[]> {
    if (ids.length === 0) return [];
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('places')
      .select(PLACE_COLUMNS)
      .where('id', 'in', [...ids])
      .execute();
    return this.withNames(rows, tx);
  }

  async list(tx?: Tx): Promise<Place[]> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('places')
      .select(PLACE_COLUMNS)
      .orderBy('slug')
      .execute();
    return this.withNames(rows, tx);
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
