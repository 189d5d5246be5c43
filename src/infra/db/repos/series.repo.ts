import type { Series } from '../../../core/entities.ts';
import type { Tx } from '../../../core/ports.ts';
import type { SeriesRepository } from '../../../core/repositories/series-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';

const SERIES_COLUMNS = ['id', 'slug', 'title', 'titleKo'] as const;

export class SeriesRepo implements SeriesRepository {
  constructor(private readonly db: Executor) {}

  async insert(series: Omit<Series, 'id'>, at: string, tx?: Tx): Promise<Series> {
    return dbOrTx(this.db, tx)
      .insertInto('series')
      .values({ ...series, createdAt: at, updatedAt: at })
      .returning(SERIES_COLUMNS)
      .executeTakeFirstOrThrow();
  }

  async update(id: number, series: Omit<Series, 'id'>, at: string, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx)
      .updateTable('series')
      .set({ ...series, updatedAt: at })
      .where('id', '=', id)
      .execute();
  }

  async findBySlug(slug: string, tx?: Tx): Promise<Series | undefined> {
    return dbOrTx(this.db, tx)
      .selectFrom('series')
      .select(SERIES_COLUMNS)
      .where('slug', '=', slug)
      .executeTakeFirst();
  }

  async findById(id: number, tx?: Tx): Promise<Series | undefined> {
    return dbOrTx(this.db, tx)
      .selectFrom('series')
      .select(SERIES_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async list(tx?: Tx): Promise<Series[]> {
    return dbOrTx(this.db, tx)
      .selectFrom('series')
      .select(SERIES_COLUMNS)
      .orderBy('title')
      .execute();
  }
}
