import type { CaptureState } from '../../../core/captures.ts';
import type { Tx } from '../../../core/ports.ts';
import type {
  CapturesRepository,
  NewSourceCapture,
  SourceCapture,
} from '../../../core/repositories/captures-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';

export class CapturesRepo implements CapturesRepository {
  constructor(private readonly db: Executor) {}

  async replaceCitations(publicationId: number, urls: readonly string[], tx?: Tx): Promise<void> {
    const db = dbOrTx(this.db, tx);
    await db.deleteFrom('citedSources').where('publicationId', '=', publicationId).execute();
    if (urls.length === 0) return;
    await db
      .insertInto('citedSources')
      .values(urls.map((url, position) => ({ publicationId, url, position })))
      .execute();
  }

  async citationsOf(publicationId: number, tx?: Tx): Promise<string[]> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('citedSources')
      .select('url')
      .where('publicationId', '=', publicationId)
      .orderBy('position')
      .execute();
    return rows.map((r) => r.url);
  }

  async add(capture: NewSourceCapture, tx?: Tx): Promise<SourceCapture> {
    const { id } = await dbOrTx(this.db, tx)
      .insertInto('sourceCaptures')
      .values(capture)
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ...capture, id, takenDownAt: null, takenDownReason: null };
  }

  async latestFor(urls: readonly string[], tx?: Tx): Promise<Map<string, SourceCapture>> {
    const out = new Map<string, SourceCapture>();
    if (urls.length === 0) return out;
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('sourceCaptures')
      .selectAll()
      .where('url', 'in', [...urls])
      .orderBy('id', 'asc')
      .execute();
    for (const row of rows) out.set(row.url, asCapture(row));
    return out;
  }

  async find(id: number, tx?: Tx): Promise<SourceCapture | undefined> {
    const row = await dbOrTx(this.db, tx)
      .selectFrom('sourceCaptures')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? asCapture(row) : undefined;
  }

  async takeDown(id: number, reason: string, at: string, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx)
      .updateTable('sourceCaptures')
      .set({ takenDownAt: at, takenDownReason: reason })
      .where('id', '=', id)
      .execute();
  }
}

function asCapture(row: SourceCapture): SourceCapture {
  return { ...row, state: row.state as CaptureState };
}
