import { Hono } from 'hono';
import type { AppContext } from './context.ts';
import { statusOf } from './http/error-status.ts';
import { healthRoutes } from './http/health.ts';
import { requestId } from './http/middleware/request-id.ts';
import { securityHeaders } from './http/middleware/security-headers.ts';

/** Builds the whole HTTP application from a context. Tests call `app.request()` on it. */
export function createApp(ctx: AppContext): Hono {
  const app = new Hono();
  app.use('*', requestId());
  app.use('*', securityHeaders());
  app.route('/', healthRoutes(ctx));

  app.notFound((c) => c.text('Not found', 404));
  app.onError((error, c) => {
    const status = statusOf(error);
    if (status === 500) {
      console.error(`[${c.get('requestId')}] ${c.req.method} ${c.req.path}`, error);
      return c.text(`Something went wrong on our side. Request id: ${c.get('requestId')}`, 500);
    }
    return c.text(error.message, status);
  });
  return app;
}
