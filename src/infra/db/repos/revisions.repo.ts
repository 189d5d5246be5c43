import type { Tx } from '../../../core/ports.ts';
import type {
  RevisionSummary,
  RevisionsRepository,
} from '../../../core/repositories/revisions-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';

/** Every save of a publication keeps a full snapshot, so any two can be compared or restored. */
export class RevisionsRepo implements RevisionsRepository {
  constructor(private readonly db: Executor) {}

  async append(
    r: { publicationId: number; version: number; snapshot: unknown; authorUserId: number | null },
    at: string,
    tx?: Tx,
  ): Promise<void> {
    await dbOrTx(this.db, tx)
      .insertInto('revisions')
      .values({ ...r, snapshot: JSON.stringify(r.snapshot), createdAt: at })
      .execute();
  }

  async list(publicationId: number, tx?: Tx): Promise<RevisionSummary[]> {
    return dbOrTx(this.db, tx)
      .selectFrom('revisions')
      .select(['id', 'version', 'authorUserId', 'createdAt'])
      .where('publicationId', '=', publicationId)
      .orderBy('version', 'desc')
      .execute();
  }

  async snapshot(publicationId: number, version: number, tx?: Tx): Promise<unknown | undefined> {
    const row = await dbOrTx(this.db, tx)
      .selectFrom('revisions')
      .select('snapshot')
      .where('publicationId', '=', publicationId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? JSON.parse(row.snapshot) : undefined;
  }
}
