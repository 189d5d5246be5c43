import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  GoneError,
  NotFoundError,
  ValidationError,
} from '../../../core/errors.ts';
import { ApiProblem } from './api-env.ts';
import { problem } from './problem.ts';

/** A body can be wrong in a million places; an answer names this many and counts the rest. */
export const MAX_LISTED_ISSUES = 100;

type Issue = { path: string; message: string };

/** The first issues and how many more there were, as a problem's members. */
export function listedIssues(issues: readonly Issue[]): { issues: Issue[]; moreIssues?: number } {
  if (issues.length <= MAX_LISTED_ISSUES) return { issues: [...issues] };
  return {
    issues: issues.slice(0, MAX_LISTED_ISSUES),
    moreIssues: issues.length - MAX_LISTED_ISSUES,
  };
}

/**
 * zod's issues as `{ path, message }`; each unknown key is its own issue, named by its path.
 * Only the first `MAX_LISTED_ISSUES` are built; `total` counts them all.
 */
export function issuesOf(error: z.ZodError): { issues: Issue[]; total: number } {
  const issues: Issue[] = [];
  let total = 0;
  for (const i of error.issues) {
    const at = i.path.map(String);
    const room = MAX_LISTED_ISSUES - issues.length;
    if (i.code === 'unrecognized_keys') {
      for (const key of i.keys.slice(0, room)) {
        issues.push({ path: [...at, key].join('.'), message: 'Not a field of this resource' });
      }
      total += i.keys.length;
    } else {
      if (room > 0) issues.push({ path: at.join('.'), message: i.message });
      total += 1;
    }
  }
  return { issues, total };
}

const counted = (n: number) => n.toLocaleString('en');

/** The validation hook of every route: a request that fails its schema is a 400 problem. */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; target: string },
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  const { issues, total } = issuesOf(result.error);
  const where = { json: 'body', query: 'query string', param: 'path' }[result.target] ?? 'request';
  const first = issues[0];
  const rest = total > 1 ? ` (and ${counted(total - 1)} more)` : '';
  return problem(
    c,
    'invalid-request',
    first
      ? `The ${where} is not valid: ${first.path || '(the whole value)'}: ${first.message}${rest}`
      : `The ${where} is not valid.`,
    total > issues.length ? { issues, moreIssues: total - issues.length } : { issues },
  );
}

/** Every failure in the API becomes a problem; nothing escapes as an HTML page or a bare 500. */
export function apiErrorAnswer(error: unknown, c: Context): Response {
  if (error instanceof ApiProblem) {
    return problem(c, error.type, error.detail, error.extra, error.headers);
  }
  if (error instanceof ConflictError) {
    return problem(c, 'conflict', error.message, { currentVersion: error.currentVersion });
  }
  if (error instanceof ValidationError) {
    const issues = error.issues.length > 0 ? error.issues : [{ path: '', message: error.message }];
    return problem(c, 'rule-broken', error.message, listedIssues(issues));
  }
  if (error instanceof NotFoundError) return problem(c, 'not-found', error.message);
  if (error instanceof GoneError) return problem(c, 'gone', error.message);
  if (error instanceof ForbiddenError) return problem(c, 'forbidden', error.message);
  if (error instanceof DomainError) return problem(c, 'invalid-request', error.message);
  if (error instanceof HTTPException) {
    if (error.status === 413) return problem(c, 'too-large', 'The body is too large.');
    if (error.status === 400) return problem(c, 'malformed-json', 'The body could not be read.');
  }
  const id = c.get('requestId') as string | undefined;
  console.error(`[${id}] ${c.req.method} ${c.req.path}`, error);
  return problem(c, 'server-error', `Something went wrong on our side. Request id: ${id}`);
}
