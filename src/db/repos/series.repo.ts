import type { Series } from '../../domain/entities.ts';
import type { Tx } from '../../services/ports.ts';
import { dbOrTx, type Executor } from '../executor.ts';

export class SeriesRepo {
  constructor(private readonly db: Executor) {}

  async insert(series: Omit<Series, 'id'>, at: string, tx?: Tx): Promise<Series> {
    return dbOrTx(this.db, tx)
      .insertInto('series')
      .values({ ...series, createdAt: at, updatedAt: at })
      .returning(['id', 'slug', 'title', 'titleKo'])
      .executeTakeFirstOrThrow();
  }

  async findBySlug(slug: string, tx?: Tx): Promise<Series | undefined> {
    return dbOrTx(this.db, tx)
      .selectFrom('series')
      .select(['id', 'slug', 'title', 'titleKo'])
      .where('slug', '=', slug)
      .executeTakeFirst();
  }

  async findById(id: number, tx?: Tx): Promise<Series | undefined> {
    return dbOrTx(this.db, tx)
      .selectFrom('series')
      .select(['id', 'slug', 'title', 'titleKo'])
      .where('id', '=', id)
      .executeTakeFirst();
  }
}
