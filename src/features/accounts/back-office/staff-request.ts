import type { Actor } from '../../../core/actor.ts';
import { DomainError, type ValidationError } from '../../../core/errors.ts';
import { can } from '../../../core/permissions.ts';
import { recordIdFrom } from '../../../core/record-id.ts';
import { statusOf } from '../../../ui/error-status.ts';
import { clientIp } from './admin-page.ts';
import type { AdminContext } from './route-table.ts';

/**
 * What the back-office screens share about a request: who is acting (for the audit trail),
 * the posted form read as strings, and domain errors turned into answers.
 */
export type FormBody = Record<string, string | File | Array<string | File>>;

export function actorOf(c: AdminContext): Actor {
  const user = c.get('session')!.user;
  return {
    userId: user.id,
    label: user.email,
    ip: clientIp(c),
    mayPublish: can(user, 'publication.publish'),
  };
}

export async function formBody(c: AdminContext): Promise<FormBody> {
  return c.req.parseBody({ all: true });
}

/** One posted value as text; the first when a name was sent twice. */
export function text(body: FormBody, name: string): string {
  const v = body[name];
  if (typeof v === 'string') return v;
  return Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
}

/**
 * Rows posted as `prefix[i][key]` (names of a place, roles of a person), in their index order.
 * Rows whose `required` key is empty are dropped: that is how a form without JavaScript removes
 * a row, and how its spare empty rows are ignored.
 */
export function rows<K extends string>(
  body: FormBody,
  prefix: string,
  keys: readonly K[],
  required: K,
): Array<Record<K, string>> {
  const found = new Map<number, Record<string, string>>();
  const pattern = new RegExp(`^${prefix}\\[(\\d{1,3})\\]\\[(${keys.join('|')})\\]$`);
  for (const name of Object.keys(body)) {
    const m = pattern.exec(name);
    if (!m) continue;
    const row = found.get(Number(m[1])) ?? {};
    row[m[2]!] = text(body, name);
    found.set(Number(m[1]), row);
  }
  return [...found.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => Object.fromEntries(keys.map((k) => [k, row[k] ?? ''])) as Record<K, string>)
    .filter((row) => row[required].trim() !== '');
}

/** A number typed in a form: null when empty, NaN when it is not a number. */
export function numberOrNull(value: string): number | null {
  const v = value.trim();
  return v === '' ? null : Number(v);
}

/** Field errors by path ('slug', 'names.0.name'); the first message for a path wins. */
export function fieldErrors(error: ValidationError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[issue.path || 'form'] ??= issue.message;
  if (error.issues.length === 0) errors.form = error.message;
  return errors;
}

/** A domain error as a short plain answer with its status; anything else is a real failure. */
export function domainErrorAnswer(c: AdminContext, error: unknown): Response {
  if (!(error instanceof DomainError)) throw error;
  const status = statusOf(error);
  return c.text(error.message, status === 500 ? 400 : status);
}

/** A record's id from a path or a form, or null when it can name none. */
export function idOf(value: string | undefined): number | null {
  return recordIdFrom(value);
}
