import type { AppContext } from '../../../core/app-context.ts';
import type { PublicationRecord } from '../../../core/entities.ts';
import { NotFoundError, ValidationError } from '../../../core/errors.ts';
import type { ImageRecord } from '../../../core/images.ts';
import { iiifPath } from '../../../core/scenes.ts';
import {
  type AdminContext,
  type AdminRoute,
  actorOf,
  adminPageContext,
  formBody,
  idOf,
  param,
  renderAdmin,
} from '../../accounts/index.ts';
import {
  addAnnotation,
  addScene,
  deleteAnnotation,
  updateAnnotation,
  updateSceneFacts,
} from '../../imagery/index.ts';
import { findPublicImage } from '../../reading/index.ts';
import { SceneEditorPage } from '../views/scene-editor-page.tsx';
import { publicationEditor } from './publication-editor.tsx';
import { recordValues } from './publication-form-data.ts';
import { BodyTooLargeError, readStreamedUpload } from './streamed-upload.ts';

const word = (v: unknown) => (typeof v === 'string' ? v : null);
const ids = (v: unknown) =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(Number).filter(Number.isInteger);

/**
 * A publication's satellite scenes in the back office: the streamed upload, and each scene's
 * page for its facts, places and annotations. Every route is the publication's editor's, under
 * the same permission as its figures.
 */
export function sceneRoutes(app: AppContext): AdminRoute[] {
  const editor = publicationEditor(app);

  /** Like editor.editable, and one of the publication's own scenes, or 404. */
  const withScene = (
    handle: (c: AdminContext, record: PublicationRecord, image: ImageRecord) => Promise<Response>,
  ) =>
    editor.editable(async (c, record) => {
      const imageId = idOf(param(c, 'imageId'));
      const image = imageId === null ? undefined : await app.repos.images.find(imageId);
      const scene = image && (await app.repos.scenes.find(image.id));
      if (!image || !scene || image.publicationId !== record.id) {
        return c.text('No such scene', 404);
      }
      return handle(c, record, image);
    });

  const showScene = async (
    c: AdminContext,
    record: PublicationRecord,
    image: ImageRecord,
    error?: { field: string; message: string },
  ) => {
    const scene = (await app.repos.scenes.find(image.id))!;
    const copies = await app.repos.files.derivativesOf(image.storedFileId);
    const isPublic = await findPublicImage(app.repos, image.id, app.clock.now());
    return renderAdmin(
      c,
      <SceneEditorPage
        ctx={await adminPageContext(app, c)}
        publication={{ id: record.id, title: record.title }}
        image={image}
        scene={scene}
        annotations={await app.repos.scenes.annotationsOf([image.id])}
        places={await app.repos.places.list()}
        hasStill={copies.some((d) => d.purpose === 'display' && d.mediaType === 'image/jpeg')}
        publicPath={isPublic && scene.tiles ? `${iiifPath.base(image.id)}/` : null}
        error={error}
      />,
      error ? 422 : 200,
    );
  };

  /** Runs a change; a refused one shows the scene's page again with the reason by its form. */
  const change = (
    field: string,
    act: (c: AdminContext, record: PublicationRecord, image: ImageRecord) => Promise<unknown>,
  ) =>
    withScene(async (c, record, image) => {
      try {
        await act(c, record, image);
      } catch (error) {
        if (error instanceof ValidationError) {
          return showScene(c, record, image, { field, message: error.message });
        }
        if (error instanceof NotFoundError) return c.text(error.message, 404);
        throw error;
      }
      return c.redirect(`/admin/publications/${record.id}/scenes/${image.id}?saved=1`, 303);
    });

  const annotationForm = async (c: AdminContext) => {
    const body = await formBody(c);
    return {
      points: word(body.points) ?? '',
      label: word(body.label),
      labelKo: word(body.labelKo),
      note: word(body.note),
      noteKo: word(body.noteKo),
    };
  };

  return [
    {
      // The still in the back office, for placing annotations: staff see it before it is public.
      method: 'GET',
      path: '/admin/publications/:id/scenes/:imageId/still.jpg',
      action: 'files.upload',
      handler: withScene(async (c, _record, image) => {
        const copies = await app.repos.files.derivativesOf(image.storedFileId);
        const jpegs = copies
          .filter((d) => d.purpose === 'display' && d.mediaType === 'image/jpeg')
          .sort((a, b) => Math.abs(a.width - 960) - Math.abs(b.width - 960));
        const file = jpegs[0] && (await app.repos.files.findStoredFile(jpegs[0].fileId));
        if (!file) return c.text('The still is not made yet', 404);
        const bytes: Uint8Array[] = [];
        for await (const chunk of app.files.read(file.sha256)) bytes.push(chunk);
        c.header('Content-Type', 'image/jpeg');
        c.header('Cache-Control', 'private, no-store');
        return c.body(Buffer.concat(bytes));
      }),
    },
    {
      method: 'POST',
      path: '/admin/publications/:id/scenes',
      action: 'files.upload',
      handler: editor.editable(async (c, record) => {
        try {
          // The fields come first; the file streams to the store as it arrives.
          const { stored } = await readStreamedUpload(c.req.raw, (file, fields) =>
            addScene(
              app,
              {
                publicationId: record.id,
                source: file.bytes,
                words: {
                  alt: fields.get('alt') ?? null,
                  altKo: fields.get('altKo') ?? null,
                  caption: fields.get('caption') ?? null,
                  captionKo: fields.get('captionKo') ?? null,
                  credit: fields.get('credit') ?? null,
                  source: fields.get('source') ?? null,
                  takenOn: fields.get('takenOn') ?? null,
                },
                facts: {
                  sensor: fields.get('sensor') ?? null,
                  provider: fields.get('provider') ?? null,
                  licence: fields.get('licence') ?? null,
                  illustrative: fields.get('illustrative') === '1',
                  placeIds: ids(fields.get('placeIds')?.split(',')),
                },
              },
              actorOf(c),
            ),
          );
          if (!stored) {
            return editor.showForm(c, record, recordValues(record), {
              scene: 'Choose a scene file',
            });
          }
          return c.redirect(`/admin/publications/${record.id}/scenes/${stored.id}`, 303);
        } catch (error) {
          if (error instanceof BodyTooLargeError) return c.text(error.message, 413);
          if (error instanceof ValidationError) {
            return editor.showForm(c, record, recordValues(record), { scene: error.message });
          }
          throw error;
        }
      }),
    },
    {
      method: 'GET',
      path: '/admin/publications/:id/scenes/:imageId',
      action: 'files.upload',
      handler: withScene((c, record, image) => showScene(c, record, image)),
    },
    {
      method: 'POST',
      path: '/admin/publications/:id/scenes/:imageId',
      action: 'files.upload',
      handler: change('facts', async (c, _record, image) => {
        const body = await formBody(c);
        await updateSceneFacts(
          app,
          image,
          {
            sensor: word(body.sensor),
            provider: word(body.provider),
            licence: word(body.licence),
            illustrative: body.illustrative === '1',
            placeIds: ids(body.placeIds),
          },
          actorOf(c),
        );
      }),
    },
    {
      method: 'POST',
      path: '/admin/publications/:id/scenes/:imageId/annotations',
      action: 'files.upload',
      handler: change('annotation', async (c, _record, image) =>
        addAnnotation(app, image, await annotationForm(c), actorOf(c)),
      ),
    },
    {
      method: 'POST',
      path: '/admin/publications/:id/scenes/:imageId/annotations/:annotationId',
      action: 'files.upload',
      handler: change('annotation', async (c, _record, image) =>
        updateAnnotation(
          app,
          image,
          idOf(param(c, 'annotationId')) ?? 0,
          await annotationForm(c),
          actorOf(c),
        ),
      ),
    },
    {
      method: 'POST',
      path: '/admin/publications/:id/scenes/:imageId/annotations/:annotationId/delete',
      action: 'files.upload',
      handler: change('annotation', async (c, _record, image) =>
        deleteAnnotation(app, image, idOf(param(c, 'annotationId')) ?? 0, actorOf(c)),
      ),
    },
  ];
}
