import type { Topic } from '../../../core/entities.ts';
import type { Tx } from '../../../core/ports.ts';
import type { TopicsRepository } from '../../../core/repositories/topics-repository.ts';
import type { Executor } from '../executor.ts';
import { linkedPublicationIds } from './entity-table.ts';
import { SluggedEntityRepo } from './slugged-entity-repo.ts';

export class TopicsRepo extends SluggedEntityRepo<'topics', Topic> implements TopicsRepository {
  constructor(private readonly db: Executor) {
    super(db, 'topics', ['id', 'slug', 'name', 'nameKo'], 'name');
  }

  /** Publications tagged with this topic, trashed ones included: their derived data names it. */
  publicationIds(topicId: number, tx?: Tx): Promise<number[]> {
    return linkedPublicationIds(this.db, 'publicationTopics', 'topicId', topicId, tx);
  }
}
