import type { z } from '@hono/zod-openapi';
import { problemResponse } from './problem.ts';

/** A required JSON body: without `required`, a body of another type would skip validation. */
export function jsonRequest<T extends z.ZodType>(schema: T) {
  return {
    body: { required: true, content: { 'application/json': { schema } } },
  } as const;
}

/** An answer whose body is JSON of `schema`. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** Failures any read may answer. */
export const readFailures = {
  304: { description: 'Not modified: the If-None-Match ETag still holds' },
  400: problemResponse('The query or path is not valid'),
  401: problemResponse('A token was sent but is unknown, revoked or of a disabled account'),
  429: problemResponse('Too many requests; wait as Retry-After says'),
} as const;

/** Failures any write may answer. */
export const writeFailures = {
  400: problemResponse('The body is not valid (wrong types, unknown keys, forbidden keys)'),
  401: problemResponse('No token, or an unknown or revoked one'),
  403: problemResponse("The token lacks the scope, or its account's role may not do this"),
  413: problemResponse('The body is too large'),
  415: problemResponse('The body is not JSON'),
  422: problemResponse('The request breaks a rule of the archive (a slug in use, …)'),
  429: problemResponse('Too many requests; wait as Retry-After says'),
} as const;
