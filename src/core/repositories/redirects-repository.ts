import type { Redirect } from '../entities.ts';
import type { Tx } from '../ports.ts';

export interface RedirectsRepository {
  upsert(r: Omit<Redirect, 'id'>, at: string, tx?: Tx): Promise<void>;
  insert(r: Omit<Redirect, 'id'>, at: string, tx?: Tx): Promise<Redirect>;
  delete(id: number, tx?: Tx): Promise<boolean>;
  findById(id: number, tx?: Tx): Promise<Redirect | undefined>;
  find(fromPath: string, tx?: Tx): Promise<Redirect | undefined>;
  list(tx?: Tx): Promise<Redirect[]>;
}
