import type { Context, MiddlewareHandler } from 'hono';
import { requestPathProblem, requestQueryProblem } from '../../core/site-path.ts';
import { problem } from '../../features/api/routes/problem.ts';

/** The path and query of a request URL as they arrived, still percent-encoded. */
function rawTargetOf(url: string): { path: string; query: string } {
  const start = url.indexOf('/', url.indexOf('://') + 3);
  if (start === -1) return { path: '/', query: '' };
  const target = url.slice(start).split('#', 1)[0]!;
  const mark = target.indexOf('?');
  return mark === -1
    ? { path: target, query: '' }
    : { path: target.slice(0, mark), query: target.slice(mark + 1) };
}

/**
 * A path that can name nothing here (a malformed escape, a control character, a backslash, a
 * leading '//'), or a query holding a NUL, is answered at once, before any route, cache or
 * lookup sees it: decoded, such a path would reach SQL, header values and the links a page
 * echoes it into. The API answers with a problem, every other address with `refuse` (the
 * site's 404 page). The search pages take any query and drop what they cannot use, so that a
 * reader's odd search still gets its page.
 */
export function pathGuard(refuse: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  return async (c, next) => {
    const { path, query } = rawTargetOf(c.req.url);
    const search = path === '/search' || path === '/ko/search';
    const why = requestPathProblem(path) ?? (search ? null : requestQueryProblem(query));
    if (why === null) return next();
    if (path === '/api' || path.startsWith('/api/')) {
      return problem(c, 'invalid-request', `This address is not valid: ${why}.`);
    }
    return refuse(c);
  };
}
