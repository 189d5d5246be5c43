import type { AppContext } from '../../../core/app-context.ts';
import { ValidationError } from '../../../core/errors.ts';
import { renderBody } from '../../../core/markdown/markdown-work.ts';
import { slugify } from '../../../core/slug.ts';
import type { AdminRoute } from '../../accounts/index.ts';

/** What the editor's script asks of the server as one types or pastes. */
export function editorToolRoutes(_app: AppContext): AdminRoute[] {
  return [
    {
      // The slug the server would make of a title, as the editor types it.
      method: 'GET',
      path: '/admin/slug-of',
      action: 'publication.create',
      handler: (c) => c.json({ slug: slugify((c.req.query('title') ?? '').slice(0, 1000), '') }),
    },
    {
      method: 'POST',
      path: '/admin/markdown-preview',
      action: 'publication.create',
      handler: async (c) => {
        const body = await c.req.json().catch(() => ({}));
        const source = typeof body?.markdown === 'string' ? body.markdown.slice(0, 2_000_000) : '';
        try {
          return c.json({
            html: await renderBody(source),
            words: source.split(/\s+/).filter(Boolean).length,
          });
        } catch (error) {
          if (error instanceof ValidationError)
            return c.json({ error: error.issues[0]?.message }, 422);
          throw error;
        }
      },
    },
    {
      method: 'POST',
      path: '/admin/paste-to-markdown',
      action: 'publication.create',
      handler: async (c) => {
        const body = await c.req.json().catch(() => ({}));
        const html = typeof body?.html === 'string' ? body.html.slice(0, 5_000_000) : '';
        // The HTML-to-Markdown converter loads at the first paste, not in every reader's process.
        const { pasteToMarkdown } = await import('../../../core/markdown/paste-to-markdown.ts');
        return c.json({ markdown: pasteToMarkdown(html) });
      },
    },
  ];
}
