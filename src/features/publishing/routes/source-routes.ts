import type { AppContext } from '../../../core/app-context.ts';
import { NotFoundError, ValidationError } from '../../../core/errors.ts';
import { type AdminRoute, actorOf, formBody, idOf, param, text } from '../../accounts/index.ts';
import { requestCaptureAgain, takeDownCapture } from '../../captures/index.ts';
import { publicationEditor } from './publication-editor.tsx';

/** The editor's Sources panel: capture the cited sources again, or take a copy down. */
export function sourceRoutes(app: AppContext): AdminRoute[] {
  const { editable } = publicationEditor(app);
  const back = (id: number, done: string) =>
    `/admin/publications/${id}?done=${done}#sources-heading`;
  return [
    {
      method: 'POST',
      path: '/admin/publications/:id/sources/capture',
      action: 'publication.edit',
      handler: editable(async (c, record) => {
        await formBody(c);
        try {
          await requestCaptureAgain(app, record.id, actorOf(c));
        } catch (error) {
          if (error instanceof ValidationError) return c.text(error.message, 422);
          throw error;
        }
        return c.redirect(back(record.id, 'capture'), 303);
      }),
    },
    {
      method: 'POST',
      path: '/admin/publications/:id/sources/:captureId/take-down',
      action: 'publication.edit',
      handler: editable(async (c, record) => {
        const body = await formBody(c);
        const captureId = idOf(param(c, 'captureId'));
        if (captureId === null) return c.text('No such capture', 404);
        try {
          await takeDownCapture(app, record.id, captureId, text(body, 'reason'), actorOf(c));
        } catch (error) {
          if (error instanceof NotFoundError) return c.text(error.message, 404);
          if (error instanceof ValidationError) return c.text(error.message, 422);
          throw error;
        }
        return c.redirect(back(record.id, 'take-down'), 303);
      }),
    },
  ];
}
