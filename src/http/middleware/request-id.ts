import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string;
  }
}

/** A short id per request, shown on error pages and written to the log, to match the two. */
export function requestId(): MiddlewareHandler {
  return async (c, next) => {
    const id = randomBytes(6).toString('hex');
    c.set('requestId', id);
    await next();
    c.res.headers.set('X-Request-Id', id);
  };
}
