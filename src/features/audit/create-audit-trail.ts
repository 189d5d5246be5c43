import type { AuditTrail } from '../../core/audit-trail.ts';
import type { AuditEntry, ChangeFeed } from '../../core/change-feed.ts';
import type { Clock, Tx } from '../../core/ports.ts';

export interface AuditTrailDeps {
  /** Where entries are kept; the trail only grows. */
  entries: { append(entry: AuditEntry, tx?: Tx): Promise<void> };
  changes: ChangeFeed;
  clock: Clock;
}

/**
 * The one way an audit entry is written: the entry, then the same entry on the change feed, in
 * the same transaction, so that what listeners derive from it (stored pages' stamps) lands with
 * it, and what waits for the commit (the render cache telling other processes) waits for it.
 */
export function createAuditTrail(deps: AuditTrailDeps): AuditTrail {
  return {
    async record(actor, action, subject, detail, tx) {
      const entry: AuditEntry = {
        at: deps.clock.now().toISOString(),
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action,
        subjectType: subject.type,
        subjectId: subject.id === undefined || subject.id === null ? null : String(subject.id),
        detail,
        ip: actor.ip,
      };
      await deps.entries.append(entry, tx);
      await deps.changes.audited(entry, tx);
    },
  };
}
