import { Readable } from 'node:stream';
import type { AppContext } from '../../context.ts';
import { ATTACHMENT_ROLES } from '../../domain/content-types.ts';
import type { PublicationRecord } from '../../domain/entities.ts';
import { ConflictError, ValidationError } from '../../domain/errors.ts';
import { renderMarkdown } from '../../domain/markdown.ts';
import { pasteToMarkdown } from '../../domain/paste-to-markdown.ts';
import { can } from '../../domain/permissions.ts';
import type { PublicationStatus } from '../../domain/publication-status.ts';
import { attachFile } from '../../services/attach-file.ts';
import { describeAttachment } from '../../services/describe-attachment.ts';
import { removePdfMetadata, reportPdfMetadata } from '../../services/pdf-source-protection.ts';
import { makePreviewToken } from '../../services/preview-links.ts';
import { publicationPath } from '../../services/reading/entries.ts';
import { preferredName } from '../../services/reading/publication-page.ts';
import { createPublication, updatePublication } from '../../services/save-publication.ts';
import { moveToTrash } from '../../services/trash.ts';
import { changeStatus } from '../../services/workflow.ts';
import { ConflictPage, type FieldDifference } from '../../views/admin/conflict-page.tsx';
import {
  PublicationForm,
  type PublicationFormChoices,
  type PublicationFormValues,
} from '../../views/admin/publication-form.tsx';
import { PublicationList } from '../../views/admin/publication-list.tsx';
import { adminPageContext, clientIp, renderAdmin } from './admin-page.ts';
import { formValues, recordValues, toInput } from './publication-form-data.ts';
import { type AdminContext, type AdminRoute, param } from './route-table.ts';

const EMPTY: PublicationFormValues = {
  sectionId: '',
  slug: '',
  type: 'article',
  title: '',
  subtitle: '',
  summary: '',
  body: '',
  language: 'en',
  translationGroup: '',
  publishedAt: '',
  revisedAt: '',
  embargoUntil: '',
  venueId: '',
  externalUrl: '',
  excerptOnly: false,
  seriesId: '',
  seriesPosition: '',
  reportNumber: '',
  doi: '',
  disclaimer: '',
  needsAttention: '',
  contributions: [],
  topicIds: [],
  placeIds: [],
};

const LABELS: Partial<Record<keyof PublicationFormValues, string>> = {
  title: 'Title',
  slug: 'Slug',
  subtitle: 'Subtitle',
  summary: 'Summary',
  body: 'Body',
  type: 'Type',
  sectionId: 'Section',
  language: 'Language',
  publishedAt: 'Published',
  revisedAt: 'Updated',
  embargoUntil: 'Embargo',
  venueId: 'Venue',
  externalUrl: 'Link to the original',
  excerptOnly: 'Excerpt only',
  seriesId: 'Series',
  seriesPosition: 'Series position',
  reportNumber: 'Report number',
  doi: 'DOI',
  disclaimer: 'Disclaimer',
  needsAttention: 'Needs attention',
  contributions: 'Contributors',
  topicIds: 'Key words',
  placeIds: 'Places',
  translationGroup: 'Translation group',
};

/** Writing, reviewing and publishing work: the publication form and its workflow. */
export function publicationRoutes(app: AppContext): AdminRoute[] {
  const actorOf = (c: AdminContext) => {
    const user = c.get('session')!.user;
    return { userId: user.id, label: user.email, ip: clientIp(c) };
  };

  const choices = async (): Promise<PublicationFormChoices> => {
    const [sections, people, organizations, topics, places, series] = await Promise.all([
      app.repos.sections.list(),
      app.repos.people.list(),
      app.repos.organizations.list(),
      app.repos.topics.list(),
      app.repos.places.list(),
      app.db.kysely
        .selectFrom('series')
        .select(['id', 'slug', 'title', 'titleKo'])
        .orderBy('title')
        .execute(),
    ]);
    return {
      sections,
      people,
      organizations,
      topics,
      places: places.map((p) => ({ ...p, label: preferredName(p.names) })),
      series,
    };
  };

  const loadEditable = async (c: AdminContext): Promise<PublicationRecord | Response> => {
    const record = await app.repos.publications.findById(Number(param(c, 'id')));
    if (!record || record.deletedAt) return c.text('No such publication', 404);
    if (!can(c.get('session')!.user, 'publication.edit', record))
      return c.text('Your role does not allow editing this publication.', 403);
    return record;
  };

  const showForm = async (
    c: AdminContext,
    record: PublicationRecord | null,
    values: PublicationFormValues,
    errors: Record<string, string> = {},
    message?: string,
  ) => {
    const user = c.get('session')!.user;
    const sections = await app.repos.sections.list();
    const section = record ? sections.find((s) => s.id === record.sectionId) : undefined;
    const files = record ? await app.repos.files.attachmentsOf([record.id]) : [];
    const status = Object.keys(errors).length > 0 ? 422 : 200;
    return renderAdmin(
      c,
      <PublicationForm
        ctx={await adminPageContext(app, c)}
        id={record?.id ?? null}
        version={record?.version ?? null}
        status={record?.status ?? 'draft'}
        values={values}
        choices={await choices()}
        errors={errors}
        files={
          await Promise.all(
            files.map(async (f) => ({
              attachmentId: f.id,
              altText: f.altText,
              caption: f.caption,
              credit: f.credit,
              mediaType: f.file.mediaType,
              identifying:
                f.file.mediaType === 'application/pdf'
                  ? (await reportPdfMetadata(app, f.id)).identifying
                  : [],
              fileName: f.fileName,
              path: null,
              role: f.role,
              status: f.file.extractionStatus === 'none' ? 'stored' : f.file.extractionStatus,
              error: f.file.extractionError,
              pageCount: f.file.pageCount,
              byteSize: f.file.byteSize,
            })),
          )
        }
        canPublish={can(user, 'publication.publish')}
        publicPath={
          record && section && record.status === 'published'
            ? publicationPath(section, record)
            : null
        }
        message={message}
      />,
      status,
    );
  };

  /** The version a form was loaded at; a form without one cannot be saved safely. */
  const versionOf = (body: Record<string, unknown>): number | null => {
    const v = Number(body.version);
    return Number.isInteger(v) && v > 0 ? v : null;
  };
  const noVersion = (c: AdminContext) =>
    c.text('This form lost track of the version it edits. Reload the page and try again.', 400);

  const errorsOf = (error: ValidationError) =>
    Object.fromEntries(error.issues.map((i) => [i.path.split('.')[0] || 'title', i.message]));

  return [
    {
      method: 'GET',
      path: '/admin/publications',
      action: 'publication.create',
      handler: async (c) => {
        const user = c.get('session')!.user;
        const filter = {
          status: c.req.query('status') ?? '',
          q: c.req.query('q') ?? '',
          attention: c.req.query('attention') === '1',
        };
        const items = await app.repos.publications.listForEditors({
          status: filter.status || undefined,
          q: filter.q || undefined,
          needsAttention: filter.attention,
          // Contributors see their own work only.
          createdBy: user.role === 'contributor' ? user.id : undefined,
        });
        return renderAdmin(
          c,
          <PublicationList
            ctx={await adminPageContext(app, c)}
            items={items}
            sections={await app.repos.sections.list()}
            filter={filter}
          />,
        );
      },
    },
    {
      method: 'GET',
      path: '/admin/publications/new',
      action: 'publication.create',
      handler: async (c) => {
        const [first] = await app.repos.sections.list();
        return showForm(c, null, { ...EMPTY, sectionId: first ? String(first.id) : '' });
      },
    },
    {
      method: 'POST',
      path: '/admin/publications',
      action: 'publication.create',
      handler: async (c) => {
        const values = formValues(await c.req.parseBody({ all: true }));
        try {
          const saved = await createPublication(app, toInput(values, 'draft'), actorOf(c));
          return c.redirect(`/admin/publications/${saved.id}?saved=1`, 303);
        } catch (error) {
          if (error instanceof ValidationError) return showForm(c, null, values, errorsOf(error));
          throw error;
        }
      },
    },
    {
      method: 'GET',
      path: '/admin/publications/:id',
      action: 'publication.edit',
      handler: async (c) => {
        const record = await loadEditable(c);
        if (record instanceof Response) return record;
        return showForm(
          c,
          record,
          recordValues(record),
          {},
          c.req.query('saved') ? 'Saved.' : undefined,
        );
      },
    },
    {
      method: 'POST',
      path: '/admin/publications/:id',
      action: 'publication.edit',
      handler: async (c) => {
        const record = await loadEditable(c);
        if (record instanceof Response) return record;
        const body = await c.req.parseBody({ all: true });
        const values = formValues(body);
        const version = versionOf(body);
        if (version === null) return noVersion(c);
        try {
          await updatePublication(
            app,
            record.id,
            version,
            toInput(values, record.status, record),
            actorOf(c),
          );
          return c.redirect(`/admin/publications/${record.id}?saved=1`, 303);
        } catch (error) {
          if (error instanceof ValidationError)
            return showForm(c, { ...record, version }, values, errorsOf(error));
          if (error instanceof ConflictError) return conflict(c, record.id, version, values);
          throw error;
        }
      },
    },
    {
      method: 'POST',
      path: '/admin/publications/:id/merge',
      action: 'publication.edit',
      handler: async (c) => {
        const record = await loadEditable(c);
        if (record instanceof Response) return record;
        const body = await c.req.parseBody();
        let mine: PublicationFormValues;
        try {
          mine = { ...EMPTY, ...JSON.parse(String(body.mine ?? '{}')) };
        } catch {
          return c.text('The merge form was damaged; go back and save again.', 400);
        }
        const theirs = recordValues(record);
        const merged = { ...theirs } as Record<string, unknown>;
        for (const key of Object.keys(theirs) as Array<keyof PublicationFormValues>) {
          if (body[`keep.${key}`] === 'mine') merged[key] = mine[key];
        }
        const version = versionOf(body);
        if (version === null) return noVersion(c);
        try {
          await updatePublication(
            app,
            record.id,
            version,
            toInput(merged as unknown as PublicationFormValues, record.status, record),
            actorOf(c),
          );
          return c.redirect(`/admin/publications/${record.id}?saved=1`, 303);
        } catch (error) {
          if (error instanceof ConflictError)
            return conflict(c, record.id, version, merged as unknown as PublicationFormValues);
          if (error instanceof ValidationError)
            return showForm(c, record, merged as unknown as PublicationFormValues, errorsOf(error));
          throw error;
        }
      },
    },
    {
      method: 'POST',
      path: '/admin/publications/:id/status',
      action: 'publication.edit',
      handler: async (c) => {
        const record = await loadEditable(c);
        if (record instanceof Response) return record;
        const body = await c.req.parseBody();
        const to = String(body.to ?? '') as PublicationStatus;
        const user = c.get('session')!.user;
        const version = versionOf(body);
        if (version === null) return noVersion(c);
        if (
          (to === 'published' || to === 'scheduled' || to === 'withdrawn') &&
          !can(user, 'publication.publish')
        ) {
          return c.text('Your role cannot publish.', 403);
        }
        try {
          await changeStatus(
            app,
            {
              id: record.id,
              version,
              to,
              role: user.role,
              scheduledAt: body.scheduledAt ? `${String(body.scheduledAt)}:00.000Z` : null,
              withdrawnReason: body.withdrawnReason ? String(body.withdrawnReason) : null,
            },
            actorOf(c),
          );
          return c.redirect(`/admin/publications/${record.id}?saved=1`, 303);
        } catch (error) {
          if (error instanceof ValidationError)
            return showForm(c, record, recordValues(record), { status: error.message });
          if (error instanceof ConflictError)
            return conflict(c, record.id, version, recordValues(record));
          throw error;
        }
      },
    },
    {
      method: 'POST',
      path: '/admin/publications/:id/delete',
      action: 'publication.delete',
      handler: async (c) => {
        const record = await loadEditable(c);
        if (record instanceof Response) return record;
        await moveToTrash(app, record.id, actorOf(c));
        return c.redirect('/admin/publications', 303);
      },
    },
    {
      method: 'POST',
      path: '/admin/publications/:id/preview-link',
      action: 'publication.edit',
      handler: async (c) => {
        const record = await loadEditable(c);
        if (record instanceof Response) return record;
        const { token, expiresAt } = await makePreviewToken(app, record.id);
        const url = `${app.config.publicUrl}/preview/${token}`;
        return showForm(
          c,
          record,
          recordValues(record),
          {},
          `Preview link (valid until ${expiresAt.slice(0, 16).replace('T', ' ')} UTC): ${url}`,
        );
      },
    },
    {
      method: 'POST',
      path: '/admin/publications/:id/files',
      action: 'files.upload',
      handler: async (c) => {
        const record = await loadEditable(c);
        if (record instanceof Response) return record;
        const body = await c.req.parseBody();
        const file = body.file;
        const role = ATTACHMENT_ROLES.find((r) => r === body.role) ?? 'supplement';
        if (!(file instanceof File) || file.size === 0)
          return showForm(c, record, recordValues(record), { file: 'Choose a file' });
        try {
          await attachFile(
            { ...app, files: app.files },
            {
              publicationId: record.id,
              source: Readable.fromWeb(file.stream() as never) as AsyncIterable<Uint8Array>,
              fileName: file.name,
              role,
              title: null,
            },
            actorOf(c),
          );
          return c.redirect(`/admin/publications/${record.id}?saved=1`, 303);
        } catch (error) {
          if (error instanceof ValidationError)
            return showForm(c, record, recordValues(record), {}, error.message);
          throw error;
        }
      },
    },
    {
      method: 'POST',
      path: '/admin/publications/:id/files/:attachmentId/describe',
      action: 'files.upload',
      handler: async (c) => {
        const record = await loadEditable(c);
        if (record instanceof Response) return record;
        const attachmentId = Number(param(c, 'attachmentId'));
        const attachment = await app.repos.files.findAttachment(attachmentId);
        if (!attachment || attachment.publicationId !== record.id)
          return c.text('No such file', 404);
        const body = await c.req.parseBody();
        const text = (name: string) =>
          typeof body[`${name}-${attachmentId}`] === 'string'
            ? String(body[`${name}-${attachmentId}`])
            : undefined;
        await describeAttachment(
          app,
          attachmentId,
          { altText: text('altText'), caption: text('caption'), credit: text('credit') },
          actorOf(c),
        );
        return c.redirect(`/admin/publications/${record.id}?saved=1`, 303);
      },
    },
    {
      method: 'POST',
      path: '/admin/publications/:id/files/:attachmentId/strip-metadata',
      action: 'files.upload',
      handler: async (c) => {
        const record = await loadEditable(c);
        if (record instanceof Response) return record;
        const attachmentId = Number(param(c, 'attachmentId'));
        const attachment = await app.repos.files.findAttachment(attachmentId);
        if (!attachment || attachment.publicationId !== record.id)
          return c.text('No such file', 404);
        const { removed } = await removePdfMetadata(app, attachmentId, actorOf(c), {
          keepTitle: true,
        });
        return showForm(
          c,
          record,
          recordValues(record),
          {},
          `Removed from the PDF: ${removed.join(', ') || 'nothing'}. The clean copy is being extracted again.`,
        );
      },
    },
    {
      method: 'POST',
      path: '/admin/markdown-preview',
      action: 'publication.create',
      handler: async (c) => {
        const body = await c.req.json().catch(() => ({}));
        const source = typeof body?.markdown === 'string' ? body.markdown.slice(0, 2_000_000) : '';
        return c.json({
          html: renderMarkdown(source),
          words: source.split(/\s+/).filter(Boolean).length,
        });
      },
    },
    {
      method: 'POST',
      path: '/admin/paste-to-markdown',
      action: 'publication.create',
      handler: async (c) => {
        const body = await c.req.json().catch(() => ({}));
        const html = typeof body?.html === 'string' ? body.html.slice(0, 5_000_000) : '';
        return c.json({ markdown: pasteToMarkdown(html) });
      },
    },
  ];

  async function conflict(
    c: AdminContext,
    id: number,
    yourVersion: number,
    mine: PublicationFormValues,
  ) {
    const current = await app.repos.publications.findById(id);
    if (!current) return c.text('No such publication', 404);
    const theirs = recordValues(current);
    const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v, null, 1));
    const differences: FieldDifference[] = (
      Object.keys(theirs) as Array<keyof PublicationFormValues>
    )
      .filter((k) => show(mine[k]) !== show(theirs[k]))
      .map((k) => ({
        field: k,
        label: LABELS[k] ?? k,
        mine: show(mine[k]),
        theirs: show(theirs[k]),
      }));
    return renderAdmin(
      c,
      <ConflictPage
        ctx={await adminPageContext(app, c)}
        id={id}
        currentVersion={current.version}
        yourVersion={yourVersion}
        differences={differences}
        mine={mine}
      />,
      409,
    );
  }
}
