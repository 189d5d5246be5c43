import type { Section } from '../../../core/entities.ts';
import type { Tx } from '../../../core/ports.ts';
import type {
  NewSection,
  SectionsRepository,
} from '../../../core/repositories/sections-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';

export class SectionsRepo implements SectionsRepository {
  constructor(private readonly db: Executor) {}

  async insert(section: NewSection, tx?: Tx): Promise<Section> {
    return dbOrTx(this.db, tx)
      .insertInto('sections')
      .values(section)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async update(id: number, changes: Partial<NewSection>, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx).updateTable('sections').set(changes).where('id', '=', id).execute();
  }

  async findBySlug(slug: string, tx?: Tx): Promise<Section | undefined> {
    return dbOrTx(this.db, tx)
      .selectFrom('sections')
      .selectAll()
      .where('slug', '=', slug)
      .executeTakeFirst();
  }

  async findById(id: number, tx?: Tx): Promise<Section | undefined> {
    return dbOrTx(this.db, tx)
      .selectFrom('sections')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async list(tx?: Tx): Promise<Section[]> {
    return dbOrTx(this.db, tx)
      .selectFrom('sections')
      .selectAll()
      .orderBy('position')
      .orderBy('id')
      .execute();
  }
}
