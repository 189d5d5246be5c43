import { Readable } from 'node:stream';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppContext } from '../../../core/app-context.ts';
import type { PublicationRecord } from '../../../core/entities.ts';
import { ConflictError } from '../../../core/errors.ts';
import { contentDisposition, fileUrlName } from '../../../core/file-name.ts';
import { can } from '../../../core/permissions.ts';
import { recordIdFrom } from '../../../core/record-id.ts';
import type { ApiPublicationFilter } from '../../../core/repositories/api-catalog-repository.ts';
import {
  attachFile,
  changeStatus,
  createPublication,
  readOriginal,
  updatePublication,
} from '../../publishing/index.ts';
import { type ApiAudience, readPublication } from '../api-reading.ts';
import type { AuthenticatedToken } from '../api-tokens.ts';
import { type ApiContext, type ApiEnv, ApiProblem } from './api-env.ts';
import { UPLOAD_LIMIT } from './api-guards.ts';
import {
  attachmentSchema,
  idParam,
  publicationCreateBody,
  publicationListQuery,
  publicationPageSchema,
  publicationRefQuery,
  publicationSchema,
  publicationUpdateBody,
  publishBody,
  uploadQuery,
  withdrawBody,
} from './api-schemas.ts';
import { authorize as authorizeScope } from './authorize.ts';
import { fileUrl, presentPublication, presentSummary, sectionMap } from './presenters.ts';
import { problemResponse } from './problem.ts';
import { jsonRequest, jsonResponse, readFailures, writeFailures } from './route-parts.ts';

/** The media types an attachment can have: those the file store's sniffing recognizes. */
const FILE_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/avif',
] as const;

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

export function encodeCursor(datestamp: string, id: number): string {
  return Buffer.from(JSON.stringify([datestamp, id])).toString('base64url');
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function decodeCursor(cursor: string): { datestamp: string; id: number } {
  try {
    const [datestamp, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Only an instant as this API writes them: anything else (a NUL, which PostgreSQL's text
    // cannot hold) would otherwise reach the query.
    if (typeof datestamp === 'string' && INSTANT.test(datestamp) && Number.isSafeInteger(id)) {
      return { datestamp, id };
    }
  } catch {}
  throw new ApiProblem('bad-cursor', 'Pass the nextCursor of an earlier page, unchanged.');
}

const publicationRef = z.object({
  ref: z
    .string()
    .max(200)
    .openapi({
      param: { name: 'ref', in: 'path' },
      description: 'The id, or the slug (add ?section= when two sections use it).',
      example: 'camp-25',
    }),
});

const fileParams = idParam.extend({
  fileName: z
    .string()
    .max(300)
    .openapi({ param: { name: 'fileName', in: 'path' }, example: 'report.pdf' }),
});

export function publicationRoutes(app: AppContext, api: OpenAPIHono<ApiEnv>): void {
  const now = () => app.clock.now();

  /** The publication a write is about (not one in the trash). */
  const editable = async (id: number): Promise<PublicationRecord> => {
    const record = await app.repos.publications.findById(id);
    if (!record || record.deletedAt) throw new ApiProblem('not-found', 'No such publication.');
    return record;
  };

  /**
   * Runs a versioned save. On PostgreSQL a writer that waited on the other's lock read the
   * version before that save landed, so the conflict is answered with the version read afresh.
   */
  const versioned = async <T>(id: number, save: () => Promise<T>): Promise<T> => {
    try {
      return await save();
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const current = await app.repos.publications.findById(id);
      const version = Math.max(error.currentVersion, current?.version ?? 0);
      throw new ApiProblem(
        'conflict',
        `Someone else saved this publication first (now version ${version}). Read it again, apply your change, and send it with that version.`,
        { currentVersion: version },
      );
    }
  };

  /** How a writer sees the result of their own write. */
  const writerAudience = (auth: AuthenticatedToken): ApiAudience =>
    can({ id: auth.user.id, role: auth.user.role }, 'publication.publish')
      ? { kind: 'staff' }
      : { kind: 'own-drafts', userId: auth.user.id };

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/publications',
      tags: ['Publications'],
      summary: 'List publications',
      description:
        'In the order of their datestamp (when the public last saw them change), then id. Anonymous callers see what the public site shows; a read-drafts token sees drafts too. Page with `nextCursor`; sync with `updated_since`.',
      request: { query: publicationListQuery },
      responses: {
        200: jsonResponse(publicationPageSchema, 'A page of publications'),
        ...readFailures,
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const audience = c.get('caller').audience;
      const filter = await resolveFilter(app, query);
      const limit = query.limit
        ? Math.min(MAX_LIMIT, Math.max(1, Number(query.limit)))
        : DEFAULT_LIMIT;
      const after = query.cursor ? decodeCursor(query.cursor) : null;
      const at = now();
      const [rows, total, sections] = await Promise.all([
        filter ? app.repos.apiCatalog.list(audience, filter, after, limit + 1, at) : [],
        filter ? app.repos.apiCatalog.count(audience, filter, at) : 0,
        sectionMap(app.repos),
      ]);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return c.json(
        {
          items: page.map((r) => presentSummary(r.publication, sections, audience, at)),
          total,
          nextCursor:
            rows.length > limit && last ? encodeCursor(last.datestamp, last.publication.id) : null,
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/publications/{ref}',
      tags: ['Publications'],
      summary: 'Read one publication',
      description:
        'With contributors (and the affiliation printed at the time), topics, places with all their names, files, satellite scenes and translations. A withdrawn piece the public once saw answers 410 with the reason.',
      request: { params: publicationRef, query: publicationRefQuery },
      responses: {
        200: jsonResponse(publicationSchema, 'The publication'),
        ...readFailures,
        404: problemResponse('No such publication, or not one this caller may read'),
        410: problemResponse('Withdrawn: the problem carries the reason readers see'),
      },
    }),
    async (c) => {
      const { ref } = c.req.valid('param');
      const { section } = c.req.valid('query');
      const audience = c.get('caller').audience;
      const at = now();
      let record: PublicationRecord | undefined;
      const id = recordIdFrom(ref);
      if (id !== null) {
        record = await app.repos.publications.findById(id);
      } else {
        const sectionId = section ? (await app.repos.sections.findBySlug(section))?.id : undefined;
        if (section && sectionId === undefined) {
          throw new ApiProblem('not-found', 'No such publication.');
        }
        const all = (await app.repos.publications.findAllBySlug(ref)).filter(
          (p) => sectionId === undefined || p.sectionId === sectionId,
        );
        const readable = await app.repos.apiCatalog.visibleIds(
          audience,
          all.map((p) => p.id),
          at,
        );
        const candidates = all.filter((p) => readable.has(p.id));
        if (candidates.length > 1) {
          throw new ApiProblem(
            'ambiguous',
            `Sections ${candidates.map((p) => p.sectionId).join(', ')} each have "${ref}": add ?section=.`,
          );
        }
        const chosen = candidates[0] ?? (all.length === 1 ? all[0] : undefined);
        record = chosen ? await app.repos.publications.findById(chosen.id) : undefined;
      }
      const found = readPublication(audience, record, at);
      if (found.kind === 'gone') {
        throw new ApiProblem('gone', 'This publication was withdrawn.', {
          withdrawnReason: found.record.withdrawnReason,
          withdrawnAt: found.record.withdrawnAt ?? found.record.updatedAt,
        });
      }
      if (found.kind === 'missing') throw new ApiProblem('not-found', 'No such publication.');
      return c.json(await presentPublication(app.repos, found.record, audience, at), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/publications/{id}/files/{fileName}',
      tags: ['Publications'],
      summary: 'Download a file',
      description:
        'The stored bytes, served with the media type decided from them when the file was attached; the ETag is their SHA-256.',
      request: { params: fileParams },
      responses: {
        200: {
          description: 'The file',
          // The types an attachment can have (its bytes decide it), as the download's
          // Content-Type gives them: never application/octet-stream.
          content: Object.fromEntries(
            FILE_MEDIA_TYPES.map((type) => [
              type,
              { schema: z.string().openapi({ format: 'binary' }) },
            ]),
          ),
        },
        ...readFailures,
        404: problemResponse('No such file, or not one this caller may read'),
        410: problemResponse('The publication was withdrawn'),
      },
    }),
    async (c) => {
      const { id, fileName } = c.req.valid('param');
      const audience = c.get('caller').audience;
      const record = await app.repos.publications.findById(Number(id));
      const found = readPublication(audience, record, now());
      if (found.kind === 'gone') throw new ApiProblem('gone', 'This publication was withdrawn.');
      if (found.kind === 'missing') throw new ApiProblem('not-found', 'No such file.');
      const attachment = (await app.repos.files.attachmentsOf([found.record.id])).find(
        (a) => fileUrlName(a.fileName) === fileName || a.fileName === fileName,
      );
      if (!attachment) throw new ApiProblem('not-found', 'No such file.');
      const { file } = attachment;
      const headers = {
        'Content-Type': file.mediaType,
        'Content-Length': String(file.byteSize),
        'Content-Disposition': contentDisposition('attachment', attachment.fileName),
        ETag: `"${file.sha256}"`,
      };
      if (c.req.header('If-None-Match') === headers.ETag) return c.body(null, 304, headers);
      // A token is staff: its reads of the original are recorded, as in the back office.
      const caller = c.get('caller');
      const bytes = caller.auth
        ? await readOriginal(app, attachment, caller.actor, 'api')
        : app.files.read(file.sha256);
      const stream = Readable.toWeb(Readable.from(bytes));
      return c.body(stream as ReadableStream<Uint8Array>, 200, headers);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/publications',
      tags: ['Publications'],
      summary: 'Create a publication',
      description:
        'Scope `write` (and `publish` for a status that goes out to readers). The body is strict: an unknown key is a 400.',
      security: [{ token: [] }],
      request: jsonRequest(publicationCreateBody),
      responses: {
        201: jsonResponse(publicationSchema, 'Created'),
        ...writeFailures,
      },
    }),
    async (c) => {
      const auth = authorizeWrite(c, 'publication.create');
      const body = c.req.valid('json');
      const saved = await createPublication(app, body, c.get('caller').actor);
      return c.json(await presentPublication(app.repos, saved, writerAudience(auth), now()), 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/publications/{id}',
      tags: ['Publications'],
      summary: 'Update a publication',
      description:
        'Send every field with the `version` you read. If someone saved since, nothing changes and the answer is 409 with `currentVersion`.',
      security: [{ token: [] }],
      request: { params: idParam, ...jsonRequest(publicationUpdateBody) },
      responses: {
        200: jsonResponse(publicationSchema, 'Saved'),
        ...writeFailures,
        404: problemResponse('No such publication'),
        409: problemResponse('Someone else saved first'),
      },
    }),
    async (c) => {
      const record = await editable(Number(c.req.valid('param').id));
      const auth = authorizeWrite(c, 'publication.edit', record);
      const { version, ...body } = c.req.valid('json');
      const saved = await versioned(record.id, () =>
        updatePublication(app, record.id, version, body, c.get('caller').actor),
      );
      return c.json(await presentPublication(app.repos, saved, writerAudience(auth), now()), 200);
    },
  );

  const statusRoute = (action: 'publish' | 'withdraw') =>
    createRoute({
      method: 'post',
      path: `/api/v1/publications/{id}/${action}`,
      tags: ['Publications'],
      summary: action === 'publish' ? 'Publish' : 'Withdraw',
      description:
        action === 'publish'
          ? 'Scope `publish`. Publishes now (or at its date, if one is set).'
          : 'Scope `publish`. Readers then find a notice with the reason (410).',
      security: [{ token: [] }],
      request: {
        params: idParam,
        ...jsonRequest(action === 'publish' ? publishBody : withdrawBody),
      },
      responses: {
        200: jsonResponse(publicationSchema, 'Done'),
        ...writeFailures,
        404: problemResponse('No such publication'),
        409: problemResponse('Someone else saved first'),
      },
    });

  for (const action of ['publish', 'withdraw'] as const) {
    api.openapi(statusRoute(action), async (c) => {
      const record = await editable(Number(c.req.valid('param').id));
      const auth = authorizeScope(c, 'publish', 'publication.publish');
      const body = c.req.valid('json') as { version: number; reason?: string };
      const saved = await versioned(record.id, () =>
        changeStatus(
          app,
          {
            id: record.id,
            version: body.version,
            to: action === 'publish' ? 'published' : 'withdrawn',
            withdrawnReason: body.reason ?? null,
          },
          c.get('caller').actor,
        ),
      );
      return c.json(await presentPublication(app.repos, saved, writerAudience(auth), now()), 200);
    });
  }

  api.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/publications/{id}/files',
      tags: ['Publications'],
      summary: 'Attach a file',
      description:
        'Scope `write`. The body is the file itself (any media type), streamed into the store; its type is decided by its bytes (PDF, PNG, JPEG, WebP, AVIF). PDFs queue text extraction, images their resized copies. At most 200 MB.',
      security: [{ token: [] }],
      request: {
        params: idParam,
        query: uploadQuery,
        body: {
          required: true,
          content: {
            'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
          },
        },
      },
      responses: {
        201: jsonResponse(attachmentSchema, 'Attached'),
        ...writeFailures,
        404: problemResponse('No such publication'),
      },
    }),
    async (c) => {
      const record = await editable(Number(c.req.valid('param').id));
      authorizeWrite(c, 'files.upload', record);
      const q = c.req.valid('query');
      const source = c.req.raw.body;
      if (!source) throw new ApiProblem('invalid-request', 'Send the file as the request body.');
      const { attachment, file } = await attachFile(
        app,
        {
          publicationId: record.id,
          source: source as unknown as AsyncIterable<Uint8Array>,
          fileName: q.file_name,
          role: q.role,
          title: q.title ?? null,
          altText: q.alt_text ?? null,
          caption: q.caption ?? null,
          credit: q.credit ?? null,
          maxBytes: UPLOAD_LIMIT,
        },
        c.get('caller').actor,
      );
      return c.json(
        {
          fileName: attachment.fileName,
          role: attachment.role,
          title: attachment.title,
          altText: attachment.altText,
          caption: attachment.caption,
          credit: attachment.credit,
          mediaType: file.mediaType,
          byteSize: file.byteSize,
          sha256: file.sha256,
          pageCount: file.pageCount,
          url: fileUrl(record.id, attachment.fileName),
        },
        201,
      );
    },
  );
}

function authorizeWrite(
  c: ApiContext,
  action: 'publication.create' | 'publication.edit' | 'files.upload',
  record?: PublicationRecord,
): AuthenticatedToken {
  return authorizeScope(c, 'write', action, record);
}

/**
 * Facet slugs to ids. A slug that names nothing matches nothing (null), the same answer as a
 * filter that matches no publication: neither says whether the thing exists.
 */
async function resolveFilter(
  app: AppContext,
  query: z.infer<typeof publicationListQuery>,
): Promise<ApiPublicationFilter | null> {
  const sectionId = await idOfSlug(app.repos.sections, query.section);
  const personId = await idOfSlug(app.repos.people, query.person);
  const topicId = await idOfSlug(app.repos.topics, query.topic);
  const placeId = await idOfSlug(app.repos.places, query.place);
  if ([sectionId, personId, topicId, placeId].includes(null)) return null;
  return {
    type: query.type,
    status: query.status,
    language: query.language,
    year: query.year ? Number(query.year) : undefined,
    q: query.q?.trim() || undefined,
    updatedSince: query.updated_since ? new Date(query.updated_since).toISOString() : undefined,
    includeTombstones: query.include_withdrawn === 'true',
    sectionId: sectionId ?? undefined,
    personId: personId ?? undefined,
    topicId: topicId ?? undefined,
    placeIds: placeId == null ? undefined : await app.repos.places.descendantIds(placeId),
  };
}

/** The id of what a slug names: undefined without a slug, null when it names nothing. */
async function idOfSlug(
  repo: { findBySlug(slug: string): Promise<{ id: number } | undefined> },
  slug: string | undefined,
): Promise<number | null | undefined> {
  if (!slug) return undefined;
  return (await repo.findBySlug(slug))?.id ?? null;
}
