import type { Section } from '../entities.ts';
import type { Tx } from '../ports.ts';

export type NewSection = Omit<Section, 'id'>;

export interface SectionsRepository {
  insert(section: NewSection, tx?: Tx): Promise<Section>;
  update(id: number, changes: Partial<NewSection>, tx?: Tx): Promise<void>;
  findBySlug(slug: string, tx?: Tx): Promise<Section | undefined>;
  findById(id: number, tx?: Tx): Promise<Section | undefined>;
  list(tx?: Tx): Promise<Section[]>;
}
