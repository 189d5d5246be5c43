import type { AuditEvent } from '../entities.ts';
import type { Tx } from '../ports.ts';

export type NewAuditEvent = Omit<AuditEvent, 'id'>;

/** Which events to read; every condition is optional and they combine. */
export interface AuditFilter {
  /** Exactly this action ('user.role'). */
  action?: string;
  /** An action and its family: 'user' matches 'user' and 'user.…'. */
  actionFamily?: string;
  actorUserId?: number;
  /** Inclusive lower bound, an ISO instant. */
  since?: string;
  /** Exclusive upper bound, an ISO instant. */
  until?: string;
  /** Only events older than this id: the cursor of the next page (newest first). */
  beforeId?: number;
  limit?: number;
}

/** The audit trail only grows: this repository has no update and no delete. */
export interface AuditRepository {
  append(event: NewAuditEvent, tx?: Tx): Promise<void>;
  /** Newest first. */
  list(filter?: AuditFilter, tx?: Tx): Promise<AuditEvent[]>;
  /** Every action recorded so far, for the filter's choices. */
  actions(tx?: Tx): Promise<string[]>;
}
