import { Readable } from 'node:stream';
import type { AppContext } from '../../../core/app-context.ts';
import { ATTACHMENT_ROLES } from '../../../core/content-types.ts';
import type { Attachment, PublicationRecord } from '../../../core/entities.ts';
import { ValidationError } from '../../../core/errors.ts';
import { contentDisposition } from '../../../core/file-name.ts';
import { type AdminContext, type AdminRoute, actorOf, idOf, param } from '../../accounts/index.ts';
import { attachFile } from '../files/attach-file.ts';
import { describeAttachment } from '../files/describe-attachment.ts';
import { removePdfMetadata } from '../files/pdf-source-protection.ts';
import { readOriginal } from '../files/read-original.ts';
import { FileRow, type FileStatus } from '../views/files-panel.tsx';
import { fileStatuses, thumbnailOf } from './file-statuses.ts';
import { publicationEditor } from './publication-editor.tsx';
import { recordValues } from './publication-form-data.ts';
import { BodyTooLargeError, readStreamedUpload } from './streamed-upload.ts';

/** Whether the request is the files panel's script, which reads answers as JSON. */
function wantsJson(c: AdminContext): boolean {
  return (c.req.header('Accept') ?? '').includes('application/json');
}

/** What the files panel's script needs to follow a file: its state, pages, language, thumbnail. */
function liveStatus(f: FileStatus) {
  return {
    attachmentId: f.attachmentId,
    fileName: f.fileName,
    urlName: f.urlName,
    mediaType: f.mediaType,
    status: f.status,
    statusLabel: f.statusLabel,
    settled: f.settled,
    error: f.error,
    pageCount: f.pageCount,
    language: f.language,
    languageLabel: f.languageLabel,
    thumbnailUrl: f.thumbnailUrl,
  };
}

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
        // The files panel's script asks for JSON: one file per request, answered without a page.
        const json = wantsJson(c);
        const refuse = (status: 413 | 422, error: string, field?: string) =>
          json
            ? c.json({ ok: false, error }, status)
            : status === 413
              ? c.text(error, 413)
              : editor.showForm(
                  c,
                  record,
                  recordValues(record),
                  field ? { [field]: error } : {},
                  field ? undefined : error,
                );
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
          if (!stored) return refuse(422, 'Choose a file', 'file');
          if (!json) return c.redirect(`/admin/publications/${record.id}?saved=1`, 303);
          const attachmentId = stored.attachment.id;
          const file = (await fileStatuses(app, record.id)).find(
            (f) => f.attachmentId === attachmentId,
          );
          const { csrfToken } = c.get('session')!;
          return c.json(
            {
              ok: true,
              attachmentId,
              file: file ? liveStatus(file) : null,
              row: file
                ? String(<FileRow csrfToken={csrfToken} publicationId={record.id} file={file} />)
                : null,
            },
            201,
          );
        } catch (error) {
          if (error instanceof BodyTooLargeError) return refuse(413, error.message);
          if (error instanceof ValidationError) return refuse(422, error.message);
          throw error;
        }
      }),
    },
    {
      method: 'GET',
      path: '/admin/publications/:id/files.json',
      action: 'files.upload',
      handler: editor.editable(async (c, record) => {
        const files = (await fileStatuses(app, record.id)).map(liveStatus);
        c.header('Cache-Control', 'no-store');
        return c.json({ files, settled: files.every((f) => f.settled) });
      }),
    },
    {
      method: 'GET',
      path: '/admin/publications/:id/files/:attachmentId/thumbnail',
      action: 'files.upload',
      handler: withAttachment(async (c, _record, attachment) => {
        // Served to staff who may edit the piece: an unpublished PDF's first page stays private.
        const thumbnail = await thumbnailOf(app, attachment.storedFileId);
        if (!thumbnail) return c.text('This file has no thumbnail yet', 404);
        const body = Readable.toWeb(Readable.from(app.files.read(thumbnail.sha256)));
        return c.body(body as ReadableStream<Uint8Array>, 200, {
          'Content-Type': thumbnail.mediaType,
          'Content-Length': String(thumbnail.byteSize),
        });
      }),
    },
    {
      method: 'GET',
      path: '/admin/publications/:id/files/:attachmentId/original',
      action: 'files.upload',
      handler: withAttachment(async (c, record, attachment) => {
        const withFile = (await app.repos.files.attachmentsOf([record.id])).find(
          (a) => a.id === attachment.id,
        );
        if (!withFile) return c.text('No such file', 404);
        // Audited before a byte goes out: who read the original, from where, and its hash.
        const bytes = await readOriginal(app, withFile, actorOf(c), 'back office');
        return c.body(Readable.toWeb(Readable.from(bytes)) as ReadableStream<Uint8Array>, 200, {
          'Content-Type': withFile.file.mediaType,
          'Content-Length': String(withFile.file.byteSize),
          'Content-Disposition': contentDisposition('attachment', withFile.fileName),
          'Cache-Control': 'private, no-store',
        });
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
