import type { AppContext } from '../../../core/app-context.ts';
import { ATTACHMENT_ROLES } from '../../../core/content-types.ts';
import type { Attachment, PublicationRecord } from '../../../core/entities.ts';
import { ValidationError } from '../../../core/errors.ts';
import { type AdminContext, type AdminRoute, actorOf, idOf, param } from '../../accounts/index.ts';
import { attachFile } from '../files/attach-file.ts';
import { describeAttachment } from '../files/describe-attachment.ts';
import { removePdfMetadata } from '../files/pdf-source-protection.ts';
import { publicationEditor } from './publication-editor.tsx';
import { recordValues } from './publication-form-data.ts';
import { BodyTooLargeError, readStreamedUpload } from './streamed-upload.ts';

/** A publication's files: upload, alt text and captions, and removing what a PDF says of its maker. */
export function publicationFileRoutes(app: AppContext): AdminRoute[] {
  const editor = publicationEditor(app);

  /** Like editor.editable, and one of the publication's own attachments, or 404 for another. */
  const withAttachment = (
    handle: (
      c: AdminContext,
      record: PublicationRecord,
      attachment: Attachment,
    ) => Promise<Response>,
  ) =>
    editor.editable(async (c, record) => {
      const attachmentId = idOf(param(c, 'attachmentId'));
      const attachment =
        attachmentId === null ? undefined : await app.repos.files.findAttachment(attachmentId);
      if (!attachment || attachment.publicationId !== record.id) return c.text('No such file', 404);
      return handle(c, record, attachment);
    });

  return [
    {
      method: 'POST',
      path: '/admin/publications/:id/files',
      action: 'files.upload',
      handler: editor.editable(async (c, record) => {
        try {
          // The file streams from the request to the store; the form sends its role first.
          const { stored } = await readStreamedUpload(c.req.raw, (file, fields) =>
            attachFile(
              app,
              {
                publicationId: record.id,
                source: file.bytes,
                fileName: file.fileName,
                role: ATTACHMENT_ROLES.find((r) => r === fields.get('role')) ?? 'supplement',
                title: null,
              },
              actorOf(c),
            ),
          );
          if (!stored)
            return editor.showForm(c, record, recordValues(record), { file: 'Choose a file' });
          return c.redirect(`/admin/publications/${record.id}?saved=1`, 303);
        } catch (error) {
          if (error instanceof BodyTooLargeError) return c.text(error.message, 413);
          if (error instanceof ValidationError)
            return editor.showForm(c, record, recordValues(record), {}, error.message);
          throw error;
        }
      }),
    },
    {
      method: 'POST',
      path: '/admin/publications/:id/files/:attachmentId/describe',
      action: 'files.upload',
      handler: withAttachment(async (c, record, attachment) => {
        const id = attachment.id;
        const body = await c.req.parseBody();
        // Each file's fields carry its id, since one form lists every file.
        const text = (name: string) => {
          const v = body[`${name}-${id}`];
          return typeof v === 'string' ? v : undefined;
        };
        await describeAttachment(
          app,
          id,
          { altText: text('altText'), caption: text('caption'), credit: text('credit') },
          actorOf(c),
        );
        return c.redirect(`/admin/publications/${record.id}?saved=1`, 303);
      }),
    },
    {
      method: 'POST',
      path: '/admin/publications/:id/files/:attachmentId/strip-metadata',
      action: 'files.upload',
      handler: withAttachment(async (c, record, attachment) => {
        const { removed } = await removePdfMetadata(app, attachment.id, actorOf(c), {
          keepTitle: true,
        });
        return editor.showForm(
          c,
          record,
          recordValues(record),
          {},
          `Removed from the PDF: ${removed.join(', ') || 'nothing'}. The clean copy is being extracted again.`,
        );
      }),
    },
  ];
}
