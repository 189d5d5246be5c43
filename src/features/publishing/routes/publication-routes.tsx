import type { AppContext } from '../../../core/app-context.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../../core/errors.ts';
import type { PublicationStatus } from '../../../core/publication-status.ts';
import { slugify } from '../../../core/slug.ts';
import {
  type AdminRoute,
  actorOf,
  adminPageContext,
  idOf,
  renderAdmin,
} from '../../accounts/index.ts';
import { makePreviewLink, revokePreviewLinks } from '../preview-links.ts';
import { createPublication } from '../save-publication.ts';
import { moveToTrash } from '../trash.ts';
import type { PublicationFormValues } from '../views/publication-form.tsx';
import { PublicationList } from '../views/publication-list.tsx';
import { changeStatus } from '../workflow.ts';
import { EMPTY_PUBLICATION, publicationEditor } from './publication-editor.tsx';
import { formInstant, formValues, recordValues, toInput } from './publication-form-data.ts';

/** What a workflow step did, said as its result rather than as a save. */
const DONE: Record<string, string> = {
  published: 'Published: it is public now.',
  scheduled: 'Scheduled: it goes public at the time you gave, by itself.',
  'in-review': 'Submitted for review.',
  withdrawn: 'Withdrawn: readers find the notice with your reason in its place.',
  draft: 'Back to draft: it is not public.',
  note: 'Note added to this piece’s history (for staff only).',
  'sign-off': 'Sign-off recorded in this piece’s history (for staff only).',
};

/** Writing, reviewing and publishing work: the publication form and its workflow. */
export function publicationRoutes(app: AppContext): AdminRoute[] {
  const editor = publicationEditor(app);
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
        return editor.showForm(c, null, {
          ...EMPTY_PUBLICATION,
          sectionId: first ? String(first.id) : '',
        });
      },
    },
    {
      method: 'POST',
      path: '/admin/publications',
      action: 'publication.create',
      handler: async (c) => {
        const values = formValues(await c.req.parseBody({ all: true }));
        // A new piece's slug comes from its title unless the editor wrote one.
        if (!values.slug && values.title.trim()) values.slug = slugify(values.title);
        try {
          const saved = await createPublication(app, toInput(values, 'draft'), actorOf(c));
          return c.redirect(`/admin/publications/${saved.id}?saved=1`, 303);
        } catch (error) {
          if (error instanceof ValidationError)
            return editor.showForm(c, null, values, editor.errorsOf(error));
          throw error;
        }
      },
    },
    {
      method: 'GET',
      path: '/admin/publications/:id',
      action: 'publication.edit',
      handler: editor.editable(async (c, record) => {
        const done = DONE[c.req.query('done') ?? ''];
        const message = done ?? (c.req.query('saved') ? 'Saved.' : undefined);
        return editor.showForm(c, record, recordValues(record), {}, message);
      }),
    },
    {
      method: 'POST',
      path: '/admin/publications/:id',
      action: 'publication.edit',
      handler: editor.editable(async (c, record) => {
        const body = await c.req.parseBody({ all: true });
        const version = editor.versionOf(body);
        if (version === null) return editor.noVersion(c);
        return editor.save(c, record, version, formValues(body));
      }),
    },
    {
      // The conflict page posts back, field by field, which side to keep.
      method: 'POST',
      path: '/admin/publications/:id/merge',
      action: 'publication.edit',
      handler: editor.editable(async (c, record) => {
        const body = await c.req.parseBody();
        let mine: PublicationFormValues;
        try {
          mine = { ...EMPTY_PUBLICATION, ...JSON.parse(String(body.mine ?? '{}')) };
        } catch {
          return c.text('The merge form was damaged; go back and save again.', 400);
        }
        const merged = recordValues(record) as unknown as Record<string, unknown>;
        for (const key of Object.keys(merged) as Array<keyof PublicationFormValues>) {
          if (body[`keep.${key}`] === 'mine') merged[key] = mine[key];
        }
        const version = editor.versionOf(body);
        if (version === null) return editor.noVersion(c);
        return editor.save(c, record, version, merged as unknown as PublicationFormValues);
      }),
    },
    {
      method: 'POST',
      path: '/admin/publications/:id/status',
      action: 'publication.edit',
      handler: editor.editable(async (c, record) => {
        const body = await c.req.parseBody();
        const to = String(body.to ?? '') as PublicationStatus;
        const version = editor.versionOf(body);
        if (version === null) return editor.noVersion(c);
        try {
          await changeStatus(
            app,
            {
              id: record.id,
              version,
              to,
              scheduledAt: formInstant(String(body.scheduledAt ?? '')),
              withdrawnReason: body.withdrawnReason ? String(body.withdrawnReason) : null,
            },
            actorOf(c),
          );
          return c.redirect(`/admin/publications/${record.id}?done=${encodeURIComponent(to)}`, 303);
        } catch (error) {
          if (error instanceof ValidationError)
            return editor.showForm(c, record, recordValues(record), {
              status: error.issues[0]?.message ?? error.message,
            });
          if (error instanceof ConflictError)
            return editor.conflict(c, record.id, version, recordValues(record));
          if (error instanceof ForbiddenError) return c.text(error.message, 403);
          throw error;
        }
      }),
    },
    {
      method: 'POST',
      path: '/admin/publications/:id/delete',
      action: 'publication.delete',
      handler: editor.editable(async (c, record) => {
        await moveToTrash(app, record.id, actorOf(c));
        return c.redirect('/admin/publications', 303);
      }),
    },
    {
      method: 'POST',
      path: '/admin/publications/:id/preview-link',
      action: 'publication.edit',
      handler: editor.editable(async (c, record) => {
        const { token, expiresAt } = await makePreviewLink(app, record.id, actorOf(c));
        const url = `${app.config.publicUrl}/preview/${token}`;
        return editor.showForm(c, record, recordValues(record), {}, undefined, {
          url,
          expiresAt,
        });
      }),
    },
    {
      method: 'POST',
      path: '/admin/publications/:id/preview-links/revoke',
      action: 'publication.edit',
      handler: editor.editable(async (c, record) => {
        const body = await c.req.parseBody();
        const link = idOf(typeof body.link === 'string' ? body.link : undefined);
        const n = await revokePreviewLinks(app, record.id, link, actorOf(c));
        const message =
          n === 0
            ? 'No live preview link to revoke.'
            : `Revoked ${n} preview link${n === 1 ? '' : 's'}: ${n === 1 ? 'it no longer shows' : 'they no longer show'} this piece.`;
        return editor.showForm(c, record, recordValues(record), {}, message);
      }),
    },
  ];
}
