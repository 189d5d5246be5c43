import type { AppContext } from '../../../core/app-context.ts';
import { ValidationError } from '../../../core/errors.ts';
import { type AdminRoute, actorOf, formBody, text } from '../../accounts/index.ts';
import { addEditorialNote, isEditorialNoteKind } from '../editorial-notes.ts';
import { publicationEditor } from './publication-editor.tsx';
import { historyPage } from './revision-routes.tsx';

/**
 * Adding an editorial note or a sign-off to a piece. Who may edit the piece may add one; the
 * answer goes back to the page the form was on (the editor, or the piece's history). A refused
 * note comes back on the history page with its reason and the text as typed.
 */
export function editorialNoteRoutes(app: AppContext): AdminRoute[] {
  const { editable } = publicationEditor(app);
  const history = historyPage(app);
  return [
    {
      method: 'POST',
      path: '/admin/publications/:id/notes',
      action: 'publication.edit',
      handler: editable(async (c, record) => {
        const body = await formBody(c);
        const note = text(body, 'note');
        const asked = text(body, 'kind') || 'note';
        const kind = isEditorialNoteKind(asked) ? asked : 'note';
        try {
          if (kind !== asked) throw new ValidationError('A note is either a note or a sign-off.');
          await addEditorialNote(app, record.id, note, kind, actorOf(c));
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          return history(c, record, {
            message: `Nothing was added: ${error.message}`,
            status: 422,
            note: { error: error.message, draft: note },
          });
        }
        const where =
          text(body, 'from') === 'history'
            ? `/admin/publications/${record.id}/revisions?noted=${kind}`
            : `/admin/publications/${record.id}?done=${kind}`;
        return c.redirect(where, 303);
      }),
    },
  ];
}
