import type { Series } from '../../../core/entities.ts';
import type { SeriesRepository } from '../../../core/repositories/series-repository.ts';
import type { Executor } from '../executor.ts';
import { SluggedEntityRepo } from './slugged-entity-repo.ts';

export class SeriesRepo extends SluggedEntityRepo<'series', Series> implements SeriesRepository {
  constructor(db: Executor) {
    super(db, 'series', ['id', 'slug', 'title', 'titleKo', 'source'], 'title');
  }
}
