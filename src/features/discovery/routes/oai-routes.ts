import { type Context, Hono } from 'hono';
import type { AppContext } from '../../../core/app-context.ts';
import { answerOai } from '../oai/oai-service.ts';

/**
 * OAI-PMH 2.0 at /oai, by GET with a query string or by POST with a form body (3.1.1.2). The
 * arguments go to the protocol as ordered pairs, so a repeated argument stays visible and is
 * answered with badArgument rather than silently collapsed.
 */
export function oaiRoutes(app: AppContext, pageSize?: number): Hono {
  const oai = new Hono();
  const reply = async (c: Context, pairs: Array<[string, string]>) => {
    const xml = await answerOai(app.repos, app.config.publicUrl, pairs, app.clock.now(), pageSize);
    c.header('Cache-Control', 'no-store');
    return c.body(xml, 200, { 'Content-Type': 'text/xml; charset=utf-8' });
  };
  oai.get('/oai', (c) => reply(c, [...new URL(c.req.url).searchParams]));
  oai.post('/oai', async (c) => {
    const type = c.req.header('Content-Type') ?? '';
    if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      return c.text('OAI-PMH requests by POST are sent as application/x-www-form-urlencoded.', 415);
    }
    return reply(c, [...new URLSearchParams(await c.req.text())]);
  });
  return oai;
}
