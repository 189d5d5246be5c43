import type { Topic } from '../../domain/entities.ts';
import type { Tx } from '../../services/ports.ts';
import { dbOrTx, type Executor } from '../executor.ts';

export class TopicsRepo {
  constructor(private readonly db: Executor) {}

  async insert(topic: Omit<Topic, 'id'>, at: string, tx?: Tx): Promise<Topic> {
    return dbOrTx(this.db, tx)
      .insertInto('topics')
      .values({ ...topic, createdAt: at, updatedAt: at })
      .returning(['id', 'slug', 'name', 'nameKo'])
      .executeTakeFirstOrThrow();
  }

  async findBySlug(slug: string, tx?: Tx): Promise<Topic | undefined> {
    return dbOrTx(this.db, tx)
      .selectFrom('topics')
      .select(['id', 'slug', 'name', 'nameKo'])
      .where('slug', '=', slug)
      .executeTakeFirst();
  }

  async findByIds(ids: readonly number[], tx?: Tx): Promise<Topic[]> {
    if (ids.length === 0) return [];
    return dbOrTx(this.db, tx)
      .selectFrom('topics')
      .select(['id', 'slug', 'name', 'nameKo'])
      .where('id', 'in', [...ids])
      .execute();
  }

  async list(tx?: Tx): Promise<Topic[]> {
    return dbOrTx(this.db, tx)
      .selectFrom('topics')
      .select(['id', 'slug', 'name', 'nameKo'])
      .orderBy('name')
      .execute();
  }
}
