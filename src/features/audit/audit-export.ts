import type { Actor } from '../../core/actor.ts';
import type { AuditTrail } from '../../core/audit-trail.ts';
import { csvRecord } from '../../core/csv.ts';
import type { AuditEvent } from '../../core/entities.ts';
import type { Clock } from '../../core/ports.ts';
import type { AuditFilter } from '../../core/repositories/audit-repository.ts';
import type { Repositories } from '../../core/repositories.ts';

export interface AuditExportDeps {
  repos: Pick<Repositories, 'audit'>;
  clock: Clock;
  audit: AuditTrail;
}

export type AuditFormat = 'csv' | 'jsonl';

export const AUDIT_COLUMNS = [
  'id',
  'at',
  'actor_user_id',
  'actor_label',
  'action',
  'subject_type',
  'subject_id',
  'detail',
  'ip',
] as const;

/** Events are read in pages of this size, so an export of years of events streams in bounded memory. */
const PAGE = 500;

export function auditCsvRecord(e: AuditEvent): string {
  return csvRecord([
    e.id,
    e.at,
    e.actorUserId,
    e.actorLabel,
    e.action,
    e.subjectType,
    e.subjectId,
    e.detail,
    e.ip,
  ]);
}

export function auditJsonLine(e: AuditEvent): string {
  return `${JSON.stringify({
    id: e.id,
    at: e.at,
    actor_user_id: e.actorUserId,
    actor_label: e.actorLabel,
    action: e.action,
    subject_type: e.subjectType,
    subject_id: e.subjectId,
    detail: e.detail,
    ip: e.ip,
  })}\n`;
}

/** Every event the filter matches, newest first, however many there are. */
export async function* matchingEvents(
  deps: AuditExportDeps,
  filter: Omit<AuditFilter, 'beforeId' | 'limit'>,
): AsyncGenerator<AuditEvent> {
  let beforeId: number | undefined;
  for (;;) {
    const page = await deps.repos.audit.list({ ...filter, beforeId, limit: PAGE });
    yield* page;
    if (page.length < PAGE) return;
    beforeId = page[page.length - 1]!.id;
  }
}

/**
 * The export as a byte stream. Taking a copy of the trail is itself recorded, first, so the
 * copy shows it was made. CSV opens with a byte-order mark: without it spreadsheet programs
 * read UTF-8 as a legacy code page and Korean names turn to mojibake.
 */
export async function exportAudit(
  deps: AuditExportDeps,
  filter: Omit<AuditFilter, 'beforeId' | 'limit'>,
  format: AuditFormat,
  actor: Actor,
): Promise<ReadableStream<Uint8Array>> {
  await deps.audit.record(
    actor,
    'audit.export',
    { type: 'audit' },
    { format, filter: { ...filter } },
  );
  const encoder = new TextEncoder();
  const events = matchingEvents(deps, filter);
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        if (format === 'csv')
          controller.enqueue(encoder.encode(`\uFEFF${csvRecord(AUDIT_COLUMNS)}`));
      }
      const next = await events.next();
      if (next.done) {
        controller.close();
        return;
      }
      const line = format === 'csv' ? auditCsvRecord(next.value) : auditJsonLine(next.value);
      controller.enqueue(encoder.encode(line));
    },
    async cancel() {
      await events.return(undefined);
    },
  });
}
