import type { AuditFilter } from '../../core/repositories/audit-repository.ts';
import { type AdminContext, idOf } from '../accounts/index.ts';

/** The audit filter as typed in the form, kept to show it back. */
export interface AuditFilterValues {
  action: string;
  user: string;
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function dayStart(day: string): string | null {
  if (!DAY.test(day)) return null;
  const d = new Date(`${day}T00:00:00.000Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day ? null : d.toISOString();
}

/**
 * Reads ?action=&user=&from=&to= (days in UTC, both ends included). The same filter serves the
 * page and both exports, so an export holds exactly what the page listed.
 */
export function auditQuery(c: AdminContext): {
  values: AuditFilterValues;
  filter: Omit<AuditFilter, 'beforeId' | 'limit'>;
  errors: Record<string, string>;
} {
  const values: AuditFilterValues = {
    action: (c.req.query('action') ?? '').trim(),
    user: c.req.query('user') ?? '',
    from: c.req.query('from') ?? '',
    to: c.req.query('to') ?? '',
  };
  const errors: Record<string, string> = {};
  const filter: Omit<AuditFilter, 'beforeId' | 'limit'> = {};
  if (values.action) {
    if (/^[a-z0-9.-]{1,100}$/.test(values.action)) filter.actionFamily = values.action;
    else errors.action = 'Actions are words with dots, like user.role';
  }
  if (values.user) {
    const id = idOf(values.user);
    if (id === null) errors.user = 'No such user';
    else filter.actorUserId = id;
  }
  if (values.from) {
    const since = dayStart(values.from);
    if (since) filter.since = since;
    else errors.from = 'A day, like 2026-05-31';
  }
  if (values.to) {
    const start = dayStart(values.to);
    if (start) filter.until = new Date(new Date(start).getTime() + 86_400_000).toISOString();
    else errors.to = 'A day, like 2026-05-31';
  }
  if (filter.since && filter.until && filter.since >= filter.until) {
    errors.to = 'The last day comes before the first';
  }
  return { values, filter, errors };
}

/** The same filter as a query string, for the export links and the next page. */
export function auditQueryString(
  values: AuditFilterValues,
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...values, ...extra })) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}
