/**
 * Audit subjects that no public page shows. Every write in the archive is audited, so the audit
 * trail is where derived pages hear of sections, settings, series and organizations; anything
 * not named here (including subjects added later) counts as a change to the whole site.
 */
const NOT_PUBLIC = new Set([
  'user',
  'session',
  'job',
  'audit',
  'storage',
  'redirect',
  'credential',
]);
/** Their updates announce each linked publication through the change feed; listings remain. */
const LINKED_THROUGH_FEED = new Set(['person', 'topic']);

/** What an audited change can have altered on the public site. */
export type AuditScope =
  | { kind: 'nothing' }
  | { kind: 'publication'; id: number }
  /** Listings only: each publication it touched is announced on its own. */
  | { kind: 'listings' }
  | { kind: 'site' };

export function auditScope(event: {
  subjectType?: string | null;
  subjectId?: string | null;
}): AuditScope {
  const subject = event.subjectType ?? '';
  if (NOT_PUBLIC.has(subject)) return { kind: 'nothing' };
  if (subject === 'publication') {
    const id = Number(event.subjectId);
    return Number.isInteger(id) && id > 0 ? { kind: 'publication', id } : { kind: 'listings' };
  }
  return LINKED_THROUGH_FEED.has(subject) ? { kind: 'listings' } : { kind: 'site' };
}
