import type { AppContext } from '../../../core/app-context.ts';
import type { PublicationRecord } from '../../../core/entities.ts';
import { ConflictError, ValidationError } from '../../../core/errors.ts';
import { can } from '../../../core/permissions.ts';
import { preferredName } from '../../../core/place-name.ts';
import {
  type AdminContext,
  actorOf,
  adminPageContext,
  loadOr404,
  renderAdmin,
} from '../../accounts/index.ts';
import { citedSources } from '../../captures/index.ts';
import { publicationPath } from '../../reading/index.ts';
import { listEditorialNotes } from '../editorial-notes.ts';
import { livePreviewLinks, PREVIEW_DAYS } from '../preview-links.ts';
import { updatePublication } from '../save-publication.ts';
import { ConflictPage, type FieldDifference } from '../views/conflict-page.tsx';
import {
  PublicationForm,
  type PublicationFormChoices,
  type PublicationFormValues,
} from '../views/publication-form.tsx';
import { fileStatuses } from './file-statuses.ts';
import { recordValues, toInput } from './publication-form-data.ts';

export const EMPTY_PUBLICATION: PublicationFormValues = {
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
  publishedPrecision: 'day',
  revisedAt: '',
  embargoUntil: '',
  venueId: '',
  venueStatus: 'published',
  externalUrl: '',
  excerptOnly: false,
  seriesId: '',
  seriesPosition: '',
  reportNumber: '',
  doi: '',
  disclaimer: '',
  keywords: '',
  archiveText: '',
  translatedById: '',
  needsAttention: '',
  contributions: [],
  topicIds: [],
  placeIds: [],
};

/** How the conflict page names each field it compares. */
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
  publishedPrecision: 'Date as printed',
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
  keywords: 'Key words as printed',
  archiveText: 'Text written by the archive',
  translatedById: 'Translated by',
  venueStatus: 'Status at the venue',
  needsAttention: 'Needs attention',
  contributions: 'Contributors',
  topicIds: 'Topics',
  placeIds: 'Places',
  translationGroup: 'Translation group',
};

/**
 * What the publication screens share: finding a publication the user may edit, drawing the
 * form (with its files and choices), and saving so that a stale version shows the conflict page
 * instead of overwriting someone else's work.
 */
export function publicationEditor(app: AppContext) {
  /** A publication's images, figures apart from satellite scenes, for their two panels. */
  const imagesOf = async (publicationId: number) => {
    const images = await app.repos.images.ofPublication(publicationId);
    const scenes = new Set(
      (await app.repos.scenes.findMany(images.map((i) => i.id))).map((s) => s.imageId),
    );
    return {
      figures: images.filter((i) => !scenes.has(i.id)),
      scenes: {
        images: images.filter((i) => scenes.has(i.id)),
        places: await app.repos.places.list(),
      },
    };
  };
  const choices = async (): Promise<PublicationFormChoices> => {
    const [sections, people, organizations, topics, places, series] = await Promise.all([
      app.repos.sections.list(),
      app.repos.people.list(),
      app.repos.organizations.list(),
      app.repos.topics.list(),
      app.repos.places.list(),
      app.repos.series.list(),
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

  const formFiles = async (record: PublicationRecord | null) =>
    record ? fileStatuses(app, record.id) : [];

  const editor = {
    /**
     * The handler of a route on the publication named in the path: a missing or trashed one
     * answers 404, one the user may not edit 403, and only then does `handle` run.
     */
    editable(handle: (c: AdminContext, record: PublicationRecord) => Promise<Response>) {
      return loadOr404(
        'publication',
        async (id) => {
          const record = await app.repos.publications.findById(id);
          return record?.deletedAt ? undefined : record;
        },
        (c, record) =>
          can(c.get('session')!.user, 'publication.edit', record)
            ? handle(c, record)
            : c.text('Your role does not allow editing this publication.', 403),
      );
    },

    async showForm(
      c: AdminContext,
      record: PublicationRecord | null,
      values: PublicationFormValues,
      errors: Record<string, string> = {},
      message?: string,
      newPreview?: { url: string; expiresAt: string },
    ): Promise<Response> {
      const user = c.get('session')!.user;
      const sections = await app.repos.sections.list();
      const section = record ? sections.find((s) => s.id === record.sectionId) : undefined;
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
          files={await formFiles(record)}
          canPublish={can(user, 'publication.publish')}
          canAddPeople={can(user, 'entities.edit')}
          newPreview={newPreview ?? null}
          notes={record ? await listEditorialNotes(app, record.id) : []}
          sources={record ? await citedSources(app, record.id) : []}
          capturing={Boolean(app.capturer)}
          previewLinks={record ? await livePreviewLinks(app, record.id) : []}
          {...(record ? await imagesOf(record.id) : {})}
          previewDays={PREVIEW_DAYS}
          publicPath={
            record && section && record.status === 'published'
              ? publicationPath(section, record)
              : null
          }
          wouldBeAt={
            record && section ? `${app.config.publicUrl}${publicationPath(section, record)}` : null
          }
          message={message}
        />,
        Object.keys(errors).length > 0 ? 422 : 200,
      );
    },

    /** The version a form was loaded at; a form without one cannot be saved safely. */
    versionOf(body: Record<string, unknown>): number | null {
      const v = Number(body.version);
      return Number.isInteger(v) && v > 0 ? v : null;
    },

    noVersion(c: AdminContext): Response {
      return c.text(
        'This form lost track of the version it edits. Reload the page and try again.',
        400,
      );
    },

    errorsOf(error: ValidationError): Record<string, string> {
      return Object.fromEntries(
        error.issues.map((i) => [i.path.split('.')[0] || 'title', i.message]),
      );
    },

    /**
     * Saves the form's values over the version it was loaded at. Invalid values come back on
     * the form; a version someone else has saved since shows both sides to merge.
     */
    async save(
      c: AdminContext,
      record: PublicationRecord,
      version: number,
      values: PublicationFormValues,
    ): Promise<Response> {
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
          return editor.showForm(c, { ...record, version }, values, editor.errorsOf(error));
        if (error instanceof ConflictError) return editor.conflict(c, record.id, version, values);
        throw error;
      }
    },

    /** The conflict page: what changed since the editor's version, field by field. */
    async conflict(
      c: AdminContext,
      id: number,
      yourVersion: number,
      mine: PublicationFormValues,
    ): Promise<Response> {
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
    },
  };
  return editor;
}

export type PublicationEditor = ReturnType<typeof publicationEditor>;
