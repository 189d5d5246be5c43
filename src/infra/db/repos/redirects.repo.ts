import type { Redirect } from '../../../core/entities.ts';
import type { Tx } from '../../../core/ports.ts';
import type { RedirectsRepository } from '../../../core/repositories/redirects-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';
import { EntityTable } from './entity-table.ts';

export class RedirectsRepo implements RedirectsRepository {
  private readonly rows: EntityTable<'redirects', Redirect>;

  constructor(private readonly db: Executor) {
    this.rows = new EntityTable(db, 'redirects', ['id', 'fromPath', 'toPath', 'statusCode']);
  }

  async upsert(r: Omit<Redirect, 'id'>, at: string, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx)
      .insertInto('redirects')
      .values({ ...r, createdAt: at })
      .onConflict((oc) =>
        oc.column('fromPath').doUpdateSet({ toPath: r.toPath, statusCode: r.statusCode }),
      )
      .execute();
  }

  insert(r: Omit<Redirect, 'id'>, at: string, tx?: Tx): Promise<Redirect> {
    return this.rows.insert({ ...r, createdAt: at }, tx);
  }

  async delete(id: number, tx?: Tx): Promise<boolean> {
    const result = await dbOrTx(this.db, tx)
      .deleteFrom('redirects')
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  findById(id: number, tx?: Tx): Promise<Redirect | undefined> {
    return this.rows.findBy('id', id, tx);
  }

  find(fromPath: string, tx?: Tx): Promise<Redirect | undefined> {
    return this.rows.findBy('fromPath', fromPath, tx);
  }

  list(tx?: Tx): Promise<Redirect[]> {
    return this.rows.list(['fromPath'], tx);
  }
}
