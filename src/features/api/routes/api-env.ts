import type { Context } from 'hono';
import type { Actor } from '../../../core/actor.ts';
import type { ApiAudience } from '../api-reading.ts';
import type { AuthenticatedToken } from '../api-tokens.ts';
import type { ProblemType } from './problem.ts';

/** Who is calling the API: a token (and its user) or nobody, and from which address. */
export interface Caller {
  auth: AuthenticatedToken | null;
  audience: ApiAudience;
  ip: string | null;
  actor: Actor;
}

export interface ApiEnv {
  Variables: {
    requestId: string;
    caller: Caller;
  };
}

export type ApiContext = Context<ApiEnv>;

/** Thrown by handlers and guards; the API's error handler answers it as a problem. */
export class ApiProblem extends Error {
  override name = 'ApiProblem';
  constructor(
    readonly type: ProblemType,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

/**
 * The client's address, for rate limits and the audit trail: the socket's peer, or behind a
 * trusted proxy the address it forwarded (web/middleware/client-address.ts); never a header alone.
 */
export function requesterAddress(c: Context): string | null {
  return c.get('clientAddress') ?? null;
}
