import type { Redirect } from '../../domain/entities.ts';
import type { Tx } from '../../services/ports.ts';
import { dbOrTx, type Executor } from '../executor.ts';

export class RedirectsRepo {
  constructor(private readonly db: Executor) {}

  async upsert(r: Omit<Redirect, 'id'>, at: string, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx)
      .insertInto('redirects')
      .values({ ...r, createdAt: at })
      .onConflict((oc) =>
        oc.column('fromPath').doUpdateSet({ toPath: r.toPath, statusCode: r.statusCode }),
      )
      .execute();
  }

  async find(fromPath: string, tx?: Tx): Promise<Redirect | undefined> {
    return dbOrTx(this.db, tx)
      .selectFrom('redirects')
      .select(['id', 'fromPath', 'toPath', 'statusCode'])
      .where('fromPath', '=', fromPath)
      .executeTakeFirst();
  }

  async list(tx?: Tx): Promise<Redirect[]> {
    return dbOrTx(this.db, tx)
      .selectFrom('redirects')
      .select(['id', 'fromPath', 'toPath', 'statusCode'])
      .orderBy('fromPath')
      .execute();
  }
}
