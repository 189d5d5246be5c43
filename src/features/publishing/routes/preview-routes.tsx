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
import { PreviewBanner } from '../views/preview-banner.tsx';

/** Unpublished work shown through an expiring, revocable link: never cached, never indexed. */
export function previewRoutes(app: AppContext): Hono {
  const preview = new Hono();
  preview.get('/preview/:token', async (c) => {
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex, nofollow');
    const link = await readPreviewLink(app, c.req.param('token'));
    const view = link
      ? await loadPublicationPreview(app.repos, link.publicationId, app.clock.now())
      : null;
    const ctx = await pageContext(app, c);
    if (!link || !view) return renderPage(c, <ErrorPage ctx={ctx} status={404} />, 404);
    const parts = await renderPublicationParts({
      ctx,
      pub: view,
      head: <meta name="robots" content="noindex, nofollow" />,
    });
    // The banner goes first in the page's content, so no one mistakes the draft for the piece.
    const banner = (<PreviewBanner ctx={ctx} expiresAt={link.expiresAt} />).toString();
    const page = await renderPublicationPage({
      ctx,
      title: view.title,
      parts: { ...parts, breadcrumbs: (await banner) + parts.breadcrumbs },
      neighbours: view,
    });
    return c.body(page.bytes, 200, {
      'Content-Type': 'text/html; charset=UTF-8',
      'Cache-Control': 'no-store',
    });
  });
  return preview;
}
