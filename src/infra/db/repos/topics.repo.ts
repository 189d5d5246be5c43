import type { Topic } from '../../../core/entities.ts';
import type { Tx } from '../../../core/ports.ts';
import type { TopicsRepository } from '../../../core/repositories/topics-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';

const TOPIC_COLUMNS = ['id', 'slug', 'name', 'nameKo'] as const;

export class TopicsRepo implements TopicsRepository {
  constructor(private readonly db: Executor) {}

  async insert(topic: Omit<Topic, 'id'>, at: string, tx?: Tx): Promise<Topic> {
    return dbOrTx(this.db, tx)
      .insertInto('topics')
      .values({ ...topic, createdAt: at, updatedAt: at })
      .returning(TOPIC_COLUMNS)
      .executeTakeFirstOrThrow();
  }

  async update(id: number, topic: Omit<Topic, 'id'>, at: string, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx)
      .updateTable('topics')
      .set({ ...topic, updatedAt: at })
      .where('id', '=', id)
      .execute();
  }

  async findById(id: number, tx?: Tx): Promise<Topic | undefined> {
    return dbOrTx(this.db, tx)
      .selectFrom('topics')
      .select(TOPIC_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async findBySlug(slug: string, tx?: Tx): Promise<Topic | undefined> {
    return dbOrTx(this.db, tx)
      .selectFrom('topics')
      .select(TOPIC_COLUMNS)
      .where('slug', '=', slug)
      .executeTakeFirst();
  }

  async findByIds(ids: readonly number[], tx?: Tx): Promise<Topic[]> {
    if (ids.length === 0) return [];
    return dbOrTx(this.db, tx)
      .selectFrom('topics')
      .select(TOPIC_COLUMNS)
      .where('id', 'in', [...ids])
      .execute();
  }

  async list(tx?: Tx): Promise<Topic[]> {
    return dbOrTx(this.db, tx).selectFrom('topics').select(TOPIC_COLUMNS).orderBy('name').execute();
  }

  /** Publications tagged with this topic, trashed ones included: their derived data names it. */
  async publicationIds(topicId: number, tx?: Tx): Promise<number[]> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('publicationTopics')
      .select('publicationId')
      .distinct()
      .where('topicId', '=', topicId)
      .orderBy('publicationId')
      .execute();
    return rows.map((r) => r.publicationId);
  }
}
