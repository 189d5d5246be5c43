import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../../core/app-context.ts';
import { noteText, searchArchive } from '../../search/index.ts';
import type { ApiEnv } from './api-env.ts';
import { jsonResponse, readFailures } from './route-parts.ts';
import { searchQuery, searchResultSchema } from './search-schemas.ts';

/** The public site's search as data: the same service, so only public work is ever found. */
export function searchRoutes(app: AppContext, api: OpenAPIHono<ApiEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/search',
      tags: ['Search'],
      summary: 'Search the archive',
      description:
        'Full-text search over public work (titles, text, PDF pages), ranked, with facet counts, exactly as the search page. Drafts are never searched, whatever the token.',
      request: { query: searchQuery },
      responses: {
        200: jsonResponse(searchResultSchema, 'Results'),
        ...readFailures,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const list = (v: string | undefined) => (v ? [v] : undefined);
      const result = await searchArchive(app, {
        q: q.q,
        filters: {
          sections: list(q.section),
          types: list(q.type),
          people: list(q.person),
          topics: list(q.topic),
          places: list(q.place),
          languages: list(q.language),
          yearFrom: q.year_from ? Number(q.year_from) : null,
          yearTo: q.year_to ? Number(q.year_to) : null,
        },
        sort: q.sort,
        page: q.page ? Number(q.page) : 1,
        pageSize: q.page_size ? Number(q.page_size) : undefined,
        facets: q.facets !== 'false',
      });
      return c.json(
        {
          ...result,
          // The API speaks English: the notes as the English search page words them.
          message: result.message && noteText(result.message),
          notes: result.notes.map((n) => noteText(n)),
          hits: result.hits.map((h) => ({
            ...h,
            pdf: h.pdf.map((p) => ({
              fileName: p.fileName,
              matchingPages: p.matchingPages,
              pages: p.pages,
            })),
          })),
        },
        200,
      );
    },
  );
}
