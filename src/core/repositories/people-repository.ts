import type { Person } from '../entities.ts';
import type { Tx } from '../ports.ts';

export type NewPerson = Omit<Person, 'id' | 'updatedAt'>;

export interface PeopleRepository {
  insert(person: NewPerson, at: string, tx?: Tx): Promise<Person>;
  update(id: number, person: NewPerson, at: string, tx?: Tx): Promise<void>;
  findBySlug(slug: string, tx?: Tx): Promise<Person | undefined>;
  findById(id: number, tx?: Tx): Promise<Person | undefined>;
  /** Publications that credit this person, trashed ones included: their derived data names them. */
  publicationIds(personId: number, tx?: Tx): Promise<number[]>;
  findByIds(ids: readonly number[], tx?: Tx): Promise<Person[]>;
  /** Every person's names alone, without roles: enough to find someone by name. */
  names(tx?: Tx): Promise<Array<Pick<Person, 'id' | 'slug' | 'name' | 'nameKo'>>>;
  list(tx?: Tx): Promise<Person[]>;
}
