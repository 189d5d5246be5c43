import type { Topic } from '../entities.ts';
import type { Tx } from '../ports.ts';

export interface TopicsRepository {
  insert(topic: Omit<Topic, 'id'>, at: string, tx?: Tx): Promise<Topic>;
  update(id: number, topic: Omit<Topic, 'id'>, at: string, tx?: Tx): Promise<void>;
  findById(id: number, tx?: Tx): Promise<Topic | undefined>;
  findBySlug(slug: string, tx?: Tx): Promise<Topic | undefined>;
  findByIds(ids: readonly number[], tx?: Tx): Promise<Topic[]>;
  list(tx?: Tx): Promise<Topic[]>;
  /** Publications tagged with this topic, trashed ones included: their derived data names it. */
  publicationIds(topicId: number, tx?: Tx): Promise<number[]>;
}
