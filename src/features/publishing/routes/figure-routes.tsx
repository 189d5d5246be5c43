import type { AppContext } from '../../../core/app-context.ts';
import { ValidationError } from '../../../core/errors.ts';
import { figureIdsIn } from '../../../core/images.ts';
import { type AdminRoute, actorOf, idOf, param } from '../../accounts/index.ts';
import { addImage, removeImage } from '../files/add-image.ts';
import { publicationEditor } from './publication-editor.tsx';
import { recordValues } from './publication-form-data.ts';

/** The most a figure's image may weigh: the back office reads small forms whole, up to 8 MB. */
const MAX_FIGURE_BYTES = 7 * 1024 * 1024;

const text = (body: Record<string, unknown>, name: string) => {
  const v = body[name];
  return typeof v === 'string' ? v : null;
};

/** A publication's figures: adding one with its words, and removing one the body no longer places. */
export function figureRoutes(app: AppContext): AdminRoute[] {
  const editor = publicationEditor(app);
  return [
    {
      method: 'POST',
      path: '/admin/publications/:id/figures',
      action: 'files.upload',
      handler: editor.editable(async (c, record) => {
        const body = await c.req.parseBody();
        const file = body.file;
        if (!(file instanceof File) || file.size === 0) {
          return editor.showForm(c, record, recordValues(record), { figure: 'Choose an image' });
        }
        try {
          const image = await addImage(
            app,
            {
              owner: { publicationId: record.id },
              source: (async function* () {
                yield new Uint8Array(await file.arrayBuffer());
              })(),
              maxBytes: MAX_FIGURE_BYTES,
              words: {
                alt: text(body, 'alt'),
                altKo: text(body, 'altKo'),
                decorative: text(body, 'decorative') === '1',
                caption: text(body, 'caption'),
                captionKo: text(body, 'captionKo'),
                credit: text(body, 'credit'),
                source: text(body, 'source'),
                takenOn: text(body, 'takenOn'),
              },
            },
            actorOf(c),
          );
          return c.redirect(`/admin/publications/${record.id}?saved=1#figure-${image.id}`, 303);
        } catch (error) {
          // Refused on the figure form, as a 422: the panel says what to fix.
          if (error instanceof ValidationError) {
            return editor.showForm(c, record, recordValues(record), { figure: error.message });
          }
          throw error;
        }
      }),
    },
    {
      method: 'POST',
      path: '/admin/publications/:id/figures/:imageId/remove',
      action: 'files.upload',
      handler: editor.editable(async (c, record) => {
        const imageId = idOf(param(c, 'imageId'));
        const image = imageId === null ? undefined : await app.repos.images.find(imageId);
        if (!image || image.publicationId !== record.id) return c.text('No such figure', 404);
        if (figureIdsIn(record.body).includes(image.id)) {
          return editor.showForm(c, record, recordValues(record), {
            figure: `The body still places figure:${image.id}; take its line out of the body first.`,
          });
        }
        await removeImage(app, image, actorOf(c));
        return c.redirect(`/admin/publications/${record.id}?saved=1`, 303);
      }),
    },
  ];
}
