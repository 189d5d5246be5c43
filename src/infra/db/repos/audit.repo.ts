import type { AuditEvent } from '../../../core/entities.ts';
import type { Tx } from '../../../core/ports.ts';
import type {
  AuditFilter,
  AuditRepository,
  NewAuditEvent,
} from '../../../core/repositories/audit-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';

/** The audit trail only grows: this repository has no update and no delete. */
export class AuditRepo implements AuditRepository {
  constructor(private readonly db: Executor) {}

  async append(event: NewAuditEvent, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx)
      .insertInto('auditEvents')
      .values({ ...event, detail: event.detail ? JSON.stringify(event.detail) : null })
      .execute();
  }

  /** Newest first. */
  async list(filter: AuditFilter = {}, tx?: Tx): Promise<AuditEvent[]> {
    let q = dbOrTx(this.db, tx).selectFrom('auditEvents').selectAll();
    if (filter.action) q = q.where('action', '=', filter.action);
    const family = filter.actionFamily;
    if (family) {
      // Actions are dotted words; LIKE's own wildcards are stripped so a filter cannot widen itself.
      const below = `${family.replace(/[%_\\]/g, '')}.%`;
      q = q.where((eb) => eb.or([eb('action', '=', family), eb('action', 'like', below)]));
    }
    if (filter.actorUserId !== undefined) q = q.where('actorUserId', '=', filter.actorUserId);
    if (filter.since) q = q.where('at', '>=', filter.since);
    if (filter.until) q = q.where('at', '<', filter.until);
    if (filter.beforeId !== undefined) q = q.where('id', '<', filter.beforeId);
    const rows = await q
      .orderBy('id', 'desc')
      .limit(filter.limit ?? 100)
      .execute();
    return rows.map((r) => ({ ...r, detail: r.detail ? JSON.parse(r.detail) : null }));
  }

  /** Every action recorded so far, for the filter's choices. */
  async actions(tx?: Tx): Promise<string[]> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('auditEvents')
      .select('action')
      .distinct()
      .orderBy('action')
      .execute();
    return rows.map((r) => r.action);
  }
}
