import type { Insertable, Updateable } from 'kysely';
import type { Tx } from '../../../core/ports.ts';
import type { Database } from '../database.ts';
import type { Executor } from '../executor.ts';
import { type ColumnOf, EntityTable } from './entity-table.ts';

/** Entity tables found by a unique slug and stamped with when a row was created and last saved. */
type SluggedTableName = 'series' | 'topics' | 'organizations';

/**
 * An entity that is its row and nothing more (a series, a topic, an organization):
 * saved whole with its timestamps, found by id or slug, listed in one order.
 */
export class SluggedEntityRepo<T extends SluggedTableName, Entity extends { id: number }> {
  private readonly rows: EntityTable<T, Entity>;

  constructor(
    db: Executor,
    table: T,
    columns: readonly ColumnOf<T>[],
    private readonly order: ColumnOf<T>,
  ) {
    this.rows = new EntityTable(db, table, columns);
  }

  insert(entity: Omit<Entity, 'id'>, at: string, tx?: Tx): Promise<Entity> {
    const values = { ...entity, createdAt: at, updatedAt: at };
    return this.rows.insert(values as unknown as Insertable<Database[T]>, tx);
  }

  update(id: number, entity: Omit<Entity, 'id'>, at: string, tx?: Tx): Promise<void> {
    const values = { ...entity, updatedAt: at };
    return this.rows.update(id, values as unknown as Updateable<Database[T]>, tx);
  }

  findById(id: number, tx?: Tx): Promise<Entity | undefined> {
    return this.rows.findBy('id', id, tx);
  }

  findBySlug(slug: string, tx?: Tx): Promise<Entity | undefined> {
    return this.rows.findBy('slug', slug, tx);
  }

  findByIds(ids: readonly number[], tx?: Tx): Promise<Entity[]> {
    return this.rows.findByIds(ids, tx);
  }

  list(tx?: Tx): Promise<Entity[]> {
    return this.rows.list([this.order], tx);
  }
}
