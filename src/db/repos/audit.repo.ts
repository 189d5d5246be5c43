import type { AuditEvent } from '../../domain/entities.ts';
import type { Tx } from '../../services/ports.ts';
import { dbOrTx, type Executor } from '../executor.ts';

export type NewAuditEvent = Omit<AuditEvent, 'id'>;

/** The audit trail only grows: this repository has no update and no delete. */
export class AuditRepo {
  constructor(private readonly db: Executor) {}

  async append(event: NewAuditEvent, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx)
      .insertInto('auditEvents')
      .values({ ...event, detail: event.detail ? JSON.stringify(event.detail) : null })
      .execute();
  }

  async list(
    filter: { action?: string; since?: string; limit?: number } = {},
    tx?: Tx,
  ): Promise<AuditEvent[]> {
    let q = dbOrTx(this.db, tx).selectFrom('auditEvents').selectAll();
    if (filter.action) q = q.where('action', '=', filter.action);
    if (filter.since) q = q.where('at', '>=', filter.since);
    const rows = await q
      .orderBy('id', 'desc')
      .limit(filter.limit ?? 100)
      .execute();
    return rows.map((r) => ({ ...r, detail: r.detail ? JSON.parse(r.detail) : null }));
  }
}
