import type { AppContext } from '../../../core/app-context.ts';
import type { PublicationRecord } from '../../../core/entities.ts';
import { ConflictError, ValidationError } from '../../../core/errors.ts';
import {
  type AdminContext,
  type AdminRoute,
  actorOf,
  adminPageContext,
  domainErrorAnswer,
  formBody,
  idOf,
  renderAdmin,
  text,
} from '../../accounts/index.ts';
import { listEditorialNotes } from '../editorial-notes.ts';
import { restoreRevision } from '../revisions/restore-revision.ts';
import { compareRevisions, revisionList } from '../revisions/revision-view.ts';
import { RevisionDiffPage } from '../views/revision-diff-page.tsx';
import { RevisionsPage } from '../views/revisions-page.tsx';
import { publicationEditor } from './publication-editor.tsx';

/** What the history page says besides its lists: a flash, and a refused note to correct. */
export interface HistoryPageOptions {
  message?: string;
  status?: 200 | 409 | 422;
  note?: { error: string; draft: string };
}

const NOTED: Record<string, string> = {
  note: 'Note added to this piece’s history.',
  'sign-off': 'Sign-off recorded in this piece’s history.',
};

/**
 * A publication's history page: its saved versions and its editorial notes, side by side, with
 * the form that adds a note.
 */
export function historyPage(app: AppContext) {
  return async (c: AdminContext, record: PublicationRecord, options: HistoryPageOptions = {}) => {
    const status = options.status ?? 200;
    const [revisions, notes] = await Promise.all([
      revisionList(app, record.id),
      listEditorialNotes(app, record.id),
    ]);
    return renderAdmin(
      c,
      <RevisionsPage
        ctx={await adminPageContext(app, c)}
        id={record.id}
        title={record.title}
        currentVersion={record.version}
        revisions={revisions}
        notes={notes}
        noteError={options.note?.error}
        noteDraft={options.note?.draft}
        message={options.message}
        conflict={status !== 200}
      />,
      status,
    );
  };
}

/**
 * A publication's history: the list of versions, two versions compared, and restoring one as a
 * new save. Who may edit the publication (a contributor: only their own draft) may do all three.
 */
export function revisionRoutes(app: AppContext): AdminRoute[] {
  const { editable } = publicationEditor(app);
  const history = historyPage(app);
  const listPage = (
    c: AdminContext,
    record: PublicationRecord,
    message?: string,
    status: 200 | 409 | 422 = 200,
  ) => history(c, record, { message, status });

  return [
    {
      method: 'GET',
      path: '/admin/publications/:id/revisions',
      action: 'publication.edit',
      handler: editable(async (c, record) => {
        const restored = idOf(c.req.query('restored'));
        return listPage(
          c,
          record,
          restored
            ? `Version ${restored} was restored as version ${record.version}.`
            : NOTED[c.req.query('noted') ?? ''],
        );
      }),
    },
    {
      method: 'GET',
      path: '/admin/publications/:id/revisions/diff',
      action: 'publication.edit',
      handler: editable(async (c, record) => {
        const versions = (await app.repos.revisions.list(record.id)).map((r) => r.version);
        // Without a choice: the newest version against the one before it.
        const b = idOf(c.req.query('b')) ?? versions[0];
        const a = idOf(c.req.query('a')) ?? versions.find((v) => b !== undefined && v < b) ?? b;
        const comparison = a && b ? await compareRevisions(app, record.id, a, b) : null;
        if (!a || !b || !comparison) return c.text('No such version', 404);
        return renderAdmin(
          c,
          <RevisionDiffPage
            ctx={await adminPageContext(app, c)}
            id={record.id}
            title={record.title}
            a={a}
            b={b}
            comparison={comparison}
          />,
        );
      }),
    },
    {
      method: 'POST',
      path: '/admin/publications/:id/revisions/:version/restore',
      action: 'publication.edit',
      handler: editable(async (c, record) => {
        const version = idOf(c.req.param('version'));
        if (version === null) return c.text('No such version', 404);
        // The version the editor was looking at: a save since then makes this a conflict.
        const seen = Number(text(await formBody(c), 'version'));
        try {
          await restoreRevision(app, record.id, version, seen, actorOf(c));
          return c.redirect(`/admin/publications/${record.id}/revisions?restored=${version}`, 303);
        } catch (error) {
          if (error instanceof ConflictError) {
            const message = `Someone saved this publication after you opened this page (it is now at version ${error.currentVersion}). Nothing was restored; look at the versions again before restoring.`;
            return listPage(
              c,
              (await app.repos.publications.findById(record.id)) ?? record,
              message,
              409,
            );
          }
          if (error instanceof ValidationError) {
            return listPage(
              c,
              record,
              `Version ${version} cannot be restored as it is: ${error.message}`,
              422,
            );
          }
          return domainErrorAnswer(c, error);
        }
      }),
    },
  ];
}
