import type { Context } from 'hono';
import type { AppContext } from '../../../core/app-context.ts';
import type { Person } from '../../../core/entities.ts';
import type {
  PublicationNeighbours,
  PublicationParts,
  PublicationView,
} from '../../../core/public-views.ts';
import { splitLocale } from '../../../ui/i18n/locales.ts';
import type { PageContext } from '../../../ui/page-context.ts';
import { renderPage, sendPage } from '../../../ui/render-page.ts';
import { rendererId } from '../../../ui/renderer-id.ts';
import { loadPublicationPage } from '../loaders/publication-page.ts';
import { findStoredPage } from '../loaders/stored-page.ts';
import { GonePage } from '../views/gone-page.tsx';
import {
  type PublicationExtras,
  renderPublicationPage,
  renderPublicationParts,
} from '../views/publication-page.tsx';
import { pageContext } from './reading-context.ts';

/**
 * What a publication's page carries for citers and machines (citation tags, JSON-LD, the Cite
 * block), made from the page's own view and its contributors. Discovery makes them, and reads
 * its publications through reading; the web shell hands them in, so reading needs no discovery.
 */
export type PublicationExtrasFor = (
  ctx: PageContext,
  view: PublicationView,
  people: Person[],
) => Promise<PublicationExtras>;

/**
 * `/{section}/{slug}/`: from stored parts when they are current (one query), else rendered from
 * the archive and stored for the next reader.
 */
export async function publicationRoute(
  app: AppContext,
  c: Context,
  notFound: (c: Context) => Promise<Response>,
  extrasFor: PublicationExtrasFor,
): Promise<Response> {
  const now = app.clock.now();
  const address = {
    section: c.req.param('section') ?? '',
    slug: c.req.param('slug') ?? '',
    locale: splitLocale(c.req.path)[0],
    renderer: rendererId(app.config.publicUrl),
  };
  const found = await findStoredPage(app.repos, address, now);
  if (found.kind === 'missing') return notFound(c);
  const ctx = await pageContext(app, c, found.frameStamps);
  if (found.kind === 'stored') return servePage(c, ctx, found, found.parts, found.neighbours);
  const lookup = await loadPublicationPage(app.repos, address.section, address.slug, now);
  if (lookup.kind === 'missing') return notFound(c);
  if (lookup.kind === 'gone') {
    return renderPage(
      c,
      <GonePage
        ctx={ctx}
        entry={lookup.entry}
        reason={lookup.reason}
        withdrawnAt={lookup.withdrawnAt}
      />,
      410,
    );
  }
  const view = lookup.view;
  const parts = await renderPublicationParts({
    ctx,
    pub: view,
    ...(await extrasFor(ctx, view, lookup.people)),
  });
  // Under the stamps read before the data: if anything changed since, these parts are never used.
  // Storing only saves the next reader work: a database that cannot take the write at once (busy
  // with an import, read-only) still gets the page served.
  if (found.kind === 'render' && found.storable && found.publicationId === view.id) {
    await app.repos.publicationRenders
      .store(view.id, address.locale, address.renderer, found.stamps, parts)
      .catch((error) => console.error('dossier: storing a rendered page', error));
  }
  return servePage(c, ctx, view, parts, view);
}

/** The page around its parts, stored or fresh alike. */
async function servePage(
  c: Context,
  ctx: PageContext,
  publication: { title: string; updatedAt: string },
  parts: PublicationParts,
  neighbours: PublicationNeighbours,
): Promise<Response> {
  c.header('Last-Modified', new Date(publication.updatedAt).toUTCString());
  return sendPage(
    c,
    await renderPublicationPage({ ctx, title: publication.title, parts, neighbours }),
  );
}
