import type { Tx } from '../../../core/ports.ts';
import type {
  ImportSource,
  ImportSourcesRepository,
} from '../../../core/repositories/import-sources-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';

const COLUMNS = ['source', 'sourceKey', 'entityType', 'entityId', 'contentHash'] as const;

/** Which record each imported item became, so that a second run updates instead of duplicating. */
export class ImportSourcesRepo implements ImportSourcesRepository {
  constructor(private readonly db: Executor) {}

  async find(source: string, sourceKey: string, tx?: Tx): Promise<ImportSource | undefined> {
    return dbOrTx(this.db, tx)
      .selectFrom('importSources')
      .select(COLUMNS)
      .where('source', '=', source)
      .where('sourceKey', '=', sourceKey)
      .executeTakeFirst();
  }

  async record(s: ImportSource, at: string, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx)
      .insertInto('importSources')
      .values({ ...s, createdAt: at, updatedAt: at })
      .onConflict((oc) =>
        oc.columns(['source', 'sourceKey']).doUpdateSet({
          entityType: s.entityType,
          entityId: s.entityId,
          contentHash: s.contentHash,
          updatedAt: at,
        }),
      )
      .execute();
  }

  async count(source?: string, tx?: Tx): Promise<number> {
    let q = dbOrTx(this.db, tx)
      .selectFrom('importSources')
      .select((eb) => eb.fn.countAll<number | string>().as('n'));
    if (source !== undefined) q = q.where('source', '=', source);
    const row = await q.executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
