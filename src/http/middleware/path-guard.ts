import type { Context, MiddlewareHandler } from 'hono';
import { requestPathProblem } from '../../domain/site-path.ts';
import { problem } from '../api/problem.ts';

/** The path of a request URL as it arrived, still percent-encoded. */
function rawPathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('://') + 3);
  if (start === -1) return '/';
  const end = url.slice(start).search(/[?#]/);
  return end === -1 ? url.slice(start) : url.slice(start, start + end);
}

/**
 * A path that can name nothing here (a malformed escape, a control character, a backslash, a
 * leading '//') is answered at once, before any route, cache or lookup sees it: decoded, such a
 * path would reach SQL, header values and the links a page echoes it into. The API answers
 * with a problem, every other address with `refuse` (the site's 404 page).
 */
export function pathGuard(refuse: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  return async (c, next) => {
    const raw = rawPathOf(c.req.url);
    const why = requestPathProblem(raw);
    if (why === null) return next();
    if (raw === '/api' || raw.startsWith('/api/')) {
      return problem(c, 'invalid-request', `The path is not valid: ${why}.`);
    }
    return refuse(c);
  };
}
