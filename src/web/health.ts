import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';

/** 200 when the database answers a query within two seconds, 503 otherwise. */
export function healthRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await Promise.race([
        sql`select 1`.execute(ctx.db.kysely),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
      return c.json({ status: 'ok', database: ctx.db.dialect });
    } catch {
      return c.json({ status: 'unavailable', database: ctx.db.dialect }, 503);
    }
  });
  return app;
}
