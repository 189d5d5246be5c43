import { PUBLICATION_TYPES } from '../../../core/content-types.ts';
import type {
  Organization,
  Person,
  Place,
  Section,
  Series,
  Topic,
} from '../../../core/entities.ts';
import type { ImageRecord } from '../../../core/images.ts';
import type { PublicationStatus } from '../../../core/publication-status.ts';
import { AdminLayout, type AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import { Field, fieldBinder, Options } from '../../../ui/admin/form-fields.tsx';
import { typeLabel } from '../../../ui/admin/labels.ts';
import { CorrectionSummary, Flash } from '../../../ui/admin/notices.tsx';
import { type CitedSource, SourcesPanel } from '../../captures/index.ts';
import { ContributorsFields } from './contributors-fields.tsx';
import { EditorBar, FORM_ID } from './editor-bar.tsx';
import { type EditorialNoteItem, EditorialNotesPanel } from './editorial-notes-panel.tsx';
import { FiguresPanel } from './figures-panel.tsx';
import { type FileStatus, FilesPanel } from './files-panel.tsx';
import { PersonDialog } from './person-dialog.tsx';
import { type PreviewLinkItem, PreviewLinksPanel } from './preview-links-panel.tsx';
import { PublicationDetails } from './publication-details.tsx';
import { ScenesPanel } from './scenes-panel.tsx';

/** The form's values as typed: strings, so that nothing the user typed is lost on an error. */
export interface PublicationFormValues {
  sectionId: string;
  slug: string;
  type: string;
  title: string;
  subtitle: string;
  summary: string;
  body: string;
  language: string;
  translationGroup: string;
  publishedAt: string;
  publishedPrecision: string;
  revisedAt: string;
  embargoUntil: string;
  venueId: string;
  venueStatus: string;
  externalUrl: string;
  excerptOnly: boolean;
  seriesId: string;
  seriesPosition: string;
  reportNumber: string;
  doi: string;
  disclaimer: string;
  keywords: string;
  archiveText: string;
  translatedById: string;
  needsAttention: string;
  contributions: Array<{
    personId: string;
    role: string;
    credit: string;
    affiliationLabel: string;
  }>;
  topicIds: string[];
  placeIds: string[];
}

export interface PublicationFormChoices {
  sections: Section[];
  people: Person[];
  organizations: Organization[];
  topics: Topic[];
  places: Array<Place & { label: string }>;
  series: Series[];
}

export interface PublicationFormProps {
  ctx: AdminPageContext;
  id: number | null;
  version: number | null;
  status: PublicationStatus;
  values: PublicationFormValues;
  choices: PublicationFormChoices;
  errors: Record<string, string>;
  files: FileStatus[];
  canPublish: boolean;
  /** Whether the user may add a person from the form (editors and admins). */
  canAddPeople: boolean;
  publicPath: string | null;
  /** The public address the piece has, or will have once published. */
  wouldBeAt?: string | null;
  previewLinks: PreviewLinkItem[];
  previewDays: number;
  /** Notes and sign-offs left for the next reviewer: never public. */
  notes: EditorialNoteItem[];
  /** What the piece cites and the captures of it (features/captures). */
  sources?: CitedSource[];
  capturing?: boolean;
  /** A preview link made just now: its secret is shown this once. */
  newPreview?: { url: string; expiresAt: string } | null;
  figures?: ImageRecord[];
  /** The publication's satellite scenes, and the places one may show. */
  scenes?: { images: ImageRecord[]; places: Place[] };
  message?: string;
}

/**
 * The publication editor, laid out for the task: the writing (title, authors, summary, body)
 * first; beside it (above it on a phone) the status, the Save button and the next workflow step,
 * then files, preview links and notes; the rarely changed details folded below the writing.
 */
export function PublicationForm(props: PublicationFormProps) {
  const { ctx, values: v, errors } = props;
  const isNew = props.id === null;
  return (
    <AdminLayout ctx={ctx} title={props.id ? `Edit: ${v.title}` : 'New publication'}>
      <div class="editor">
        <div class="editor-head">
          <h1>{props.id ? v.title || 'Untitled' : 'New publication'}</h1>
          <Flash
            message={props.message}
            link={
              props.publicPath && props.message?.startsWith('Published')
                ? { href: props.publicPath, label: 'View it on the site' }
                : null
            }
          />
          <CorrectionSummary errors={errors} />
        </div>
        <WritingForm {...props} isNew={isNew} />
        <div class="editor-side">
          <EditorBar
            ctx={ctx}
            id={props.id}
            version={props.version}
            status={props.status}
            title={v.title}
            embargoUntil={v.embargoUntil}
            embargoError={errors.embargoUntil}
            statusError={errors.status}
            canPublish={props.canPublish}
            publicPath={props.publicPath}
            wouldBeAt={props.wouldBeAt}
          />
          {props.id ? <SidePanels {...props} id={props.id} /> : null}
        </div>
        {props.id ? <ImagePanels {...props} id={props.id} /> : null}
      </div>
      {props.canAddPeople ? (
        <PersonDialog ctx={ctx} organizations={props.choices.organizations} />
      ) : null}
    </AdminLayout>
  );
}

function WritingForm(props: PublicationFormProps & { isNew: boolean }) {
  const { ctx, values: v, errors, choices } = props;
  const bound = fieldBinder(v, errors);
  const action = props.id ? `/admin/publications/${props.id}` : '/admin/publications';
  return (
    <form
      method="post"
      action={action}
      id={FORM_ID}
      class="publication-form editor-main"
      data-autosave={`publication-${props.id ?? 'new'}-${props.version ?? 0}`}
    >
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {props.version !== null ? (
        <input type="hidden" name="version" value={String(props.version)} />
      ) : null}
      <Field {...bound('title')} label="Title" required />
      <Field
        {...bound('slug')}
        label="Slug"
        required={!props.isNew}
        hint={
          props.isNew
            ? 'The last part of the address: made from the title until you change it.'
            : 'Lower-case letters, digits and hyphens: the last part of the address.'
        }
      />
      {/* Section and type always send a choice (there is no empty one), so they need no `required`. */}
      <div class="field-row">
        <div class="field">
          <label for="f-sectionId">Section *</label>
          <select id="f-sectionId" name="sectionId">
            <Options
              choices={choices.sections.map((s) => ({ value: String(s.id), label: s.title }))}
              selected={v.sectionId}
            />
          </select>
          {errors.sectionId ? <p class="error">{errors.sectionId}</p> : null}
        </div>
        <div class="field">
          <label for="f-type">Type *</label>
          <select id="f-type" name="type">
            <Options
              choices={PUBLICATION_TYPES.map((t) => ({ value: t, label: typeLabel(t) }))}
              selected={v.type}
            />
          </select>
        </div>
        <Field {...bound('language')} label="Language" required hint="en, ko, …" />
      </div>
      <ContributorsFields
        rows={v.contributions}
        people={choices.people}
        organizations={choices.organizations}
        errors={errors}
        canAddPeople={props.canAddPeople}
      />
      <Field {...bound('subtitle')} label="Subtitle" />
      <Field {...bound('summary')} label="Summary" multiline rows={4} hint="Markdown." />
      <div class="field markdown-editor">
        <label for="f-body">Body</label>
        <p class="hint" id="f-body-hint">
          Markdown. Footnotes: write <code>[^1]</code> in the text and{' '}
          <code>[^1]: the reference</code> at the end. Pasting from Word or Google Docs gives clean
          Markdown.
        </p>
        <textarea
          id="f-body"
          name="body"
          rows={20}
          data-preview="body-preview"
          data-paste="markdown"
          aria-describedby="f-body-hint"
        >
          {v.body}
        </textarea>
        <p class="quiet" id="body-word-count" aria-live="polite"></p>
        <section class="preview" aria-label="Preview">
          <h2>Preview</h2>
          <div id="body-preview" class="body"></div>
        </section>
        {errors.body ? <p class="error">{errors.body}</p> : null}
      </div>
      <PublicationDetails values={v} choices={choices} errors={errors} />
    </form>
  );
}

/** Beside the writing: the files, the preview links, the editors' notes and the trash. */
function SidePanels(props: PublicationFormProps & { id: number }) {
  const { ctx } = props;
  return (
    <div class="editor-panels">
      <FilesPanel ctx={ctx} publicationId={props.id} files={props.files} />
      <PreviewLinksPanel
        ctx={ctx}
        publicationId={props.id}
        links={props.previewLinks}
        days={props.previewDays}
        made={props.newPreview ?? null}
      />
      <EditorialNotesPanel ctx={ctx} publicationId={props.id} notes={props.notes} />
      <SourcesPanel
        ctx={ctx}
        publicationId={props.id}
        sources={props.sources ?? []}
        capturing={props.capturing ?? false}
      />
      {props.canPublish ? (
        <form method="post" action={`/admin/publications/${props.id}/delete`}>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <input type="hidden" name="version" value={String(props.version)} />
          <button type="submit" class="danger">
            Move to trash
          </button>
        </form>
      ) : null}
    </div>
  );
}

/** Below the writing: figures and satellite scenes, which need the width. */
function ImagePanels(props: PublicationFormProps & { id: number }) {
  const { ctx, values: v, errors } = props;
  return (
    <div class="editor-images">
      <FiguresPanel
        ctx={ctx}
        publicationId={props.id}
        language={v.language}
        figures={props.figures ?? []}
        error={errors.figure}
      />
      <ScenesPanel
        ctx={ctx}
        publicationId={props.id}
        language={v.language}
        scenes={props.scenes?.images ?? []}
        places={props.scenes?.places ?? []}
        error={errors.scene}
      />
    </div>
  );
}
