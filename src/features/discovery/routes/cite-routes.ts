import { type Context, Hono } from 'hono';
import { etag } from 'hono/etag';
import type { AppContext } from '../../../core/app-context.ts';
import { loadPublicationPage } from '../../reading/index.ts';
import { bibtex } from '../citation/bibtex.ts';
import { cslJson } from '../citation/csl-json.ts';
import { ris } from '../citation/ris.ts';
import { workFromPublicationView } from '../load-works.ts';
import { loadScholarlyContext } from '../scholarly-context.ts';
import type { ScholarlyWork } from '../work.ts';

/**
 * Citation downloads beside each publication: …/cite.bib, …/cite.ris, …/cite.json. They follow
 * the page: 404 where the page is 404 (drafts, embargoes), 410 where it is withdrawn.
 */
const FORMATS: Record<string, { write: (w: ScholarlyWork) => string; type: string }> = {
  'cite.bib': { write: bibtex, type: 'application/x-bibtex; charset=utf-8' },
  'cite.ris': { write: ris, type: 'application/x-research-info-systems; charset=utf-8' },
  'cite.json': {
    write: (w) => cslJson([w]),
    type: 'application/vnd.citationstyles.csl+json; charset=utf-8',
  },
};

export function citeRoutes(
  app: AppContext,
  onMissing: (c: Context, status: 404 | 410) => Promise<Response>,
): Hono {
  const cite = new Hono();
  cite.get('/:section/:slug/:file{cite\\.(?:bib|ris|json)}', etag(), async (c) => {
    const lookup = await loadPublicationPage(
      app.repos,
      c.req.param('section'),
      c.req.param('slug'),
      app.clock.now(),
    );
    if (lookup.kind !== 'found' || lookup.view.type === 'page')
      return onMissing(c, lookup.kind === 'gone' ? 410 : 404);
    const ctx = await loadScholarlyContext(app.repos, app.config.publicUrl);
    const name = c.req.param('file');
    const format = FORMATS[name]!;
    c.header('Cache-Control', 'public, max-age=0, must-revalidate');
    c.header(
      'Content-Disposition',
      `attachment; filename="${lookup.view.slug}.${name.split('.')[1]}"`,
    );
    return c.body(format.write(workFromPublicationView(ctx, lookup.view)), 200, {
      'Content-Type': format.type,
    });
  });
  return cite;
}
