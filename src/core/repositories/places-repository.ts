import type { Place } from '../entities.ts';
import type { Tx } from '../ports.ts';

export type NewPlace = Omit<Place, 'id' | 'updatedAt'>;

export interface PlacesRepository {
  insert(place: NewPlace, at: string, tx?: Tx): Promise<Place>;
  update(id: number, place: NewPlace, at: string, tx?: Tx): Promise<void>;
  findBySlug(slug: string, tx?: Tx): Promise<Place | undefined>;
  findById(id: number, tx?: Tx): Promise<Place | undefined>;
  /** Publications linked to this place, trashed ones included: their derived data names it. */
  publicationIds(placeId: number, tx?: Tx): Promise<number[]>;
  findByIds(ids: readonly number[], tx?: Tx): Promise<Place[]>;
  list(tx?: Tx): Promise<Place[]>;
  /** The place and every place inside it, at any depth (a province and its camps). */
  descendantIds(placeId: number, tx?: Tx): Promise<number[]>;
}
