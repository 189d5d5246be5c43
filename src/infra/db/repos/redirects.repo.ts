import type { Redirect } from '../../../core/entities.ts';
import type { Tx } from '../../../core/ports.ts';
import type { RedirectsRepository } from '../../../core/repositories/redirects-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';

const REDIRECT_COLUMNS = ['id', 'fromPath', 'toPath', 'statusCode'] as const;

export class RedirectsRepo implements RedirectsRepository {
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

  async insert(r: Omit<Redirect, 'id'>, at: string, tx?: Tx): Promise<Redirect> {
    return dbOrTx(this.db, tx)
      .insertInto('redirects')
      .values({ ...r, createdAt: at })
      .returning(REDIRECT_COLUMNS)
      .executeTakeFirstOrThrow();
  }

  async delete(id: number, tx?: Tx): Promise<boolean> {
    const result = await dbOrTx(this.db, tx)
      .deleteFrom('redirects')
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async findById(id: number, tx?: Tx): Promise<Redirect | undefined> {
    return dbOrTx(this.db, tx)
      .selectFrom('redirects')
      .select(REDIRECT_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async find(fromPath: string, tx?: Tx): Promise<Redirect | undefined> {
    return dbOrTx(this.db, tx)
      .selectFrom('redirects')
      .select(REDIRECT_COLUMNS)
      .where('fromPath', '=', fromPath)
      .executeTakeFirst();
  }

  async list(tx?: Tx): Promise<Redirect[]> {
    return dbOrTx(this.db, tx)
      .selectFrom('redirects')
      .select(REDIRECT_COLUMNS)
      .orderBy('fromPath')
      .execute();
  }
}
