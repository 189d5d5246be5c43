import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string;
  }
}

/**
 * A short id per request, shown on error pages and written to the log, to match the two.
 *
 * It only has to tell requests apart, not be secret: a random prefix per process (several
 * workers and servers write to one log) and a counter. Random bytes for every request would be
 * a cost on every stored page for nothing.
 */
export function requestId(): MiddlewareHandler {
  return async (c, next) => {
    const id = nextRequestId();
    c.set('requestId', id);
    await next();
    c.res.headers.set('X-Request-Id', id);
  };
}

const prefix = randomBytes(4).toString('hex');
let count = 0;

/**
 * The next id of this process. The render cache's node listener (web/render-cache/node-fast-path.ts)
 * takes one too, so that a page answered from memory carries the same headers as one rendered.
 */
export function nextRequestId(): string {
  count += 1;
  return `${prefix}-${count.toString(36)}`;
}
