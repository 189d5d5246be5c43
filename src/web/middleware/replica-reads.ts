import type { MiddlewareHandler } from 'hono';
import type { ReadRouting } from '../../core/read-routing.ts';

/**
 * Who reads the primary even when replicas are there: staff (a session or a token) see what they
 * have just saved; the back office and signed previews show drafts; OAI-PMH and the API's sync
 * listing (`updated_since`, a `cursor`) are harvested in order, and a harvester must never see a
 * record go back in time between two pages; the health check asks about the primary.
 */
const PRIMARY_PATHS = /^\/(?:ko\/)?(?:admin|preview|oai|healthz)(?:\/|$)/;
const SYNC_QUERY = /[?&](?:updated_since|cursor)=/;
const SESSION_COOKIE = /(?:^|[;\s])(?:__Host-)?dossier_session=/;

export interface ReadFacts {
  method: string;
  /** Path and query as requested. */
  url: string;
  cookie?: string | null;
  authorization?: string | null;
}

/** Whether a request is an anonymous reader's, whose reads a caught-up replica may answer. */
export function readsFromReplica(request: ReadFacts): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (request.authorization) return false;
  if (request.cookie && SESSION_COOKIE.test(request.cookie)) return false;
  const q = request.url.indexOf('?');
  const path = q === -1 ? request.url : request.url.slice(0, q);
  if (PRIMARY_PATHS.test(path)) return false;
  return !(q !== -1 && SYNC_QUERY.test(request.url.slice(q)));
}

/** Lets an anonymous reader's request read from a replica; installed only when there are any. */
export function replicaReads(reads: ReadRouting): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const facts: ReadFacts = {
      method: c.req.method,
      url: url.pathname + url.search,
      cookie: c.req.header('cookie'),
      authorization: c.req.header('authorization'),
    };
    if (readsFromReplica(facts)) await reads.anonymous(() => next());
    else await next();
  };
}
