import type { Section } from '../../../core/entities.ts';
import type { Tx } from '../../../core/ports.ts';
import type {
  NewSection,
  SectionsRepository,
} from '../../../core/repositories/sections-repository.ts';
import type { Executor } from '../executor.ts';
import { EntityTable } from './entity-table.ts';

/** Every column of the table: a section is its row. */
const SECTION_COLUMNS = [
  'id',
  'slug',
  'title',
  'titleKo',
  'description',
  'descriptionKo',
  'disclaimer',
  'disclaimerKo',
  'listDisclaimer',
  'listDisclaimerKo',
  'position',
  'createdAt',
  'updatedAt',
] as const;

export class SectionsRepo implements SectionsRepository {
  private readonly rows: EntityTable<'sections', Section>;

  constructor(db: Executor) {
    this.rows = new EntityTable(db, 'sections', SECTION_COLUMNS);
  }

  insert(section: NewSection, tx?: Tx): Promise<Section> {
    return this.rows.insert(section, tx);
  }

  update(id: number, changes: Partial<NewSection>, tx?: Tx): Promise<void> {
    return this.rows.update(id, changes, tx);
  }

  findBySlug(slug: string, tx?: Tx): Promise<Section | undefined> {
    return this.rows.findBy('slug', slug, tx);
  }

  findById(id: number, tx?: Tx): Promise<Section | undefined> {
    return this.rows.findBy('id', id, tx);
  }

  list(tx?: Tx): Promise<Section[]> {
    return this.rows.list(['position', 'id'], tx);
  }
}
