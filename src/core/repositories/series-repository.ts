import type { Series } from '../entities.ts';
import type { Tx } from '../ports.ts';

export interface SeriesRepository {
  insert(series: Omit<Series, 'id'>, at: string, tx?: Tx): Promise<Series>;
  update(id: number, series: Omit<Series, 'id'>, at: string, tx?: Tx): Promise<void>;
  findBySlug(slug: string, tx?: Tx): Promise<Series | undefined>;
  findById(id: number, tx?: Tx): Promise<Series | undefined>;
  list(tx?: Tx): Promise<Series[]>;
}
