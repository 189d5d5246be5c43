import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import {
  ConflictError,
  DomainError,
  GoneError,
  NotFoundError,
  ValidationError,
} from '../../domain/errors.ts';
import { ForbiddenError } from '../../services/auth/auth-errors.ts';
import { ApiProblem } from './api-env.ts';
import { problem } from './problem.ts';

/** zod's issues as `{ path, message }`; each unknown key is its own issue, named by its path. */
export function issuesOf(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.flatMap((i) => {
    const at = i.path.map(String);
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((key) => ({
        path: [...at, key].join('.'),
        message: 'Not a field of this resource',
      }));
    }
    return [{ path: at.join('.'), message: i.message }];
  });
}

/** The validation hook of every route: a request that fails its schema is a 400 problem. */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; target: string },
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  const issues = issuesOf(result.error);
  const where = { json: 'body', query: 'query string', param: 'path' }[result.target] ?? 'request';
  const first = issues[0];
  return problem(
    c,
    'invalid-request',
    first
      ? `The ${where} is not valid: ${first.path || '(the whole value)'}: ${first.message}`
      : `The ${where} is not valid.`,
    { issues },
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
    const issues =
      error.issues.length > 0 ? [...error.issues] : [{ path: '', message: error.message }];
    return problem(c, 'rule-broken', error.message, { issues });
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
