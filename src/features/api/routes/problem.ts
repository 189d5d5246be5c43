import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';

/**
 * Every API failure is an RFC 9457 problem (`application/problem+json`). `type` is a stable
 * relative URI naming the kind of problem; clients branch on it, never on `title` or `detail`.
 * Each one resolves to its entry on the reference page.
 */
export const PROBLEMS = {
  'invalid-request': { status: 400, title: 'The request is not valid' },
  'malformed-json': { status: 400, title: 'The body is not valid JSON' },
  'forbidden-key': { status: 400, title: 'The body holds a key that is never accepted' },
  'bad-cursor': { status: 400, title: 'The cursor is not one this API gave out' },
  ambiguous: { status: 400, title: 'More than one record answers to this name' },
  unauthorized: { status: 401, title: 'The token is missing, unknown or revoked' },
  forbidden: { status: 403, title: 'This token may not do this' },
  'not-found': { status: 404, title: 'There is nothing here' },
  'method-not-allowed': { status: 405, title: 'This address does not accept this method' },
  conflict: { status: 409, title: 'Someone else saved first' },
  gone: { status: 410, title: 'This publication was withdrawn' },
  'too-large': { status: 413, title: 'The body is too large' },
  'unsupported-media-type': { status: 415, title: 'Send this body as application/json' },
  'rule-broken': { status: 422, title: 'The request breaks a rule of the archive' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'server-error': { status: 500, title: 'Something went wrong on our side' },
} as const;

export type ProblemType = keyof typeof PROBLEMS;
export type ProblemStatus = (typeof PROBLEMS)[ProblemType]['status'];

export const PROBLEM_BASE = '/api/v1/problems/';

export const problemSchema = z
  .object({
    type: z.string().openapi({ example: `${PROBLEM_BASE}invalid-request` }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    /** Which fields were wrong, for 400 and 422: the first hundred. */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** How many more there were than the hundred listed in `issues`. */
    moreIssues: z.number().int().optional(),
    /** The version now stored, for 409. */
    currentVersion: z.number().int().optional(),
    /** Seconds to wait, for 429 (also in Retry-After). */
    retryAfter: z.number().int().optional(),
    /** The reason readers see, for 410. */
    withdrawnReason: z.string().nullable().optional(),
    withdrawnAt: z.string().optional(),
  })
  .openapi('Problem');
export type Problem = z.infer<typeof problemSchema>;

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** A problem response for a kind of failure, with its detail and any extra members. */
export function problem(
  c: Context,
  type: ProblemType,
  detail: string,
  extra: Partial<Omit<Problem, 'type' | 'title' | 'status' | 'detail'>> = {},
  headers: Record<string, string> = {},
): Response {
  const { status, title } = PROBLEMS[type];
  const body: Problem = {
    type: `${PROBLEM_BASE}${type}`,
    title,
    status,
    detail,
    instance: new URL(c.req.url).pathname,
    ...extra,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': PROBLEM_MEDIA_TYPE,
      'Cache-Control': 'no-store',
      ...headers,
    },
  });
}

/** The OpenAPI entry for one failure status. */
export function problemResponse(description: string) {
  return { description, content: { [PROBLEM_MEDIA_TYPE]: { schema: problemSchema } } };
}
