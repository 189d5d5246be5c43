import type { Tx } from './ports.ts';

/**
 * Who an audit entry names: a signed-in user, a token, the system, or, for a failed sign-in,
 * whoever tried (an address typed in, perhaps no account at all).
 */
export interface AuditActor {
  userId: number | null;
  label: string | null;
  ip: string | null;
}

/** What an entry is about: a kind of thing and, when there is one, which ('publication', 12). */
export interface AuditSubject {
  type: string;
  id?: string | number | null;
}

/**
 * The audit trail, as writers see it. Every write in the archive records itself here; the
 * entry also goes out on the change feed (`audited`), where stored pages and caches hear of
 * changes that have no event of their own.
 */
export interface AuditTrail {
  /**
   * Records `action` at the clock's now: in `tx` when given, so that the entry lands with the
   * change or not at all; without one, after the change it records has committed.
   */
  record(
    actor: AuditActor,
    action: string,
    subject: AuditSubject,
    detail: Record<string, unknown> | null,
    tx?: Tx,
  ): Promise<void>;
}
