import { Hono } from 'hono';
import type { AppContext } from '../core/app-context.ts';

/**
 * 200 when the database answers a query within two seconds, 503 otherwise. With read replicas it
 * also says, for each, whether it answers and whether it has caught up (reads go to the primary
 * meanwhile, so neither makes the archive unavailable).
 */
export function healthRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await Promise.race([
        ctx.db.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
      const replicas = ctx.db.reads.replicaCount > 0 ? { replicas: ctx.db.reads.replicas() } : {};
      return c.json({ status: 'ok', database: ctx.db.dialect, ...replicas });
    } catch {
      return c.json({ status: 'unavailable', database: ctx.db.dialect }, 503);
    }
  });
  return app;
}
