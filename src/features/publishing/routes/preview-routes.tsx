import { Hono } from 'hono';
import type { AppContext } from '../../../core/app-context.ts';
import { ErrorPage } from '../../../ui/pages/error-page.tsx';
import { renderPage } from '../../../ui/render-page.ts';
import {
  loadPublicationPreview,
  pageContext,
  renderPublicationPage,
  renderPublicationParts,
} from '../../reading/index.ts';
import { readPreviewLink } from '../preview-links.ts';

/** Unpublished work shown through an expiring, revocable link: never cached, never indexed. */
export function previewRoutes(app: AppContext): Hono {
  const preview = new Hono();
  preview.get('/preview/:token', async (c) => {
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex, nofollow');
    const id = await readPreviewLink(app, c.req.param('token'));
    const view = id === null ? null : await loadPublicationPreview(app.repos, id, app.clock.now());
    const ctx = await pageContext(app, c);
    if (!view) return renderPage(c, <ErrorPage ctx={ctx} status={404} />, 404);
    const parts = await renderPublicationParts({
      ctx,
      pub: view,
      head: <meta name="robots" content="noindex, nofollow" />,
    });
    const page = await renderPublicationPage({ ctx, title: view.title, parts, neighbours: view });
    return c.body(page.bytes, 200, {
      'Content-Type': 'text/html; charset=UTF-8',
      'Cache-Control': 'no-store',
    });
  });
  return preview;
}
