import { CONTRIBUTION_ROLES, CREDITS, PUBLICATION_TYPES } from '../../../core/content-types.ts';
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
import { Field, fieldBinder, Options, SelectField } from '../../../ui/admin/form-fields.tsx';
import { roleLabel, statusLabel, typeLabel } from '../../../ui/admin/labels.ts';
import { CorrectionSummary, Flash } from '../../../ui/admin/notices.tsx';
import { RowTable, SelectCell } from '../../../ui/admin/row-table.tsx';
import { FiguresPanel } from './figures-panel.tsx';
import { type FileStatus, FilesPanel } from './files-panel.tsx';
import { type PreviewLinkItem, PreviewLinksPanel } from './preview-links-panel.tsx';
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

export function PublicationForm(props: {
  ctx: AdminPageContext;
  id: number | null;
  version: number | null;
  status: PublicationStatus;
  values: PublicationFormValues;
  choices: PublicationFormChoices;
  errors: Record<string, string>;
  files: FileStatus[];
  canPublish: boolean;
  publicPath: string | null;
  /** The public address the piece has, or will have once published. */
  wouldBeAt?: string | null;
  previewLinks: PreviewLinkItem[];
  previewDays: number;
  figures?: ImageRecord[];
  /** The publication's satellite scenes, and the places one may show. */
  scenes?: { images: ImageRecord[]; places: Place[] };
  message?: string;
}) {
  const { ctx, values: v, errors, choices } = props;
  const bound = fieldBinder(v, errors);
  const action = props.id ? `/admin/publications/${props.id}` : '/admin/publications';
  const people = choices.people.map((p) => ({ value: String(p.id), label: p.sortName }));
  const credits = CREDITS.map((r) => ({
    value: r,
    label: r === 'secondary' ? 'secondary (“with …”)' : r,
  }));
  return (
    <AdminLayout ctx={ctx} title={props.id ? `Edit: ${v.title}` : 'New publication'}>
      <h1>{props.id ? v.title || 'Untitled' : 'New publication'}</h1>
      {props.id ? (
        <p class="quiet">
          Status:{' '}
          <strong class={`status status-${props.status}`}>{statusLabel(props.status)}</strong> ·
          version {props.version}
          {props.publicPath ? (
            <>
              {' '}
              · <a href={props.publicPath}>view on the site</a>
            </>
          ) : null}{' '}
          · <a href={`/admin/publications/${props.id}/revisions`}>revisions</a>
        </p>
      ) : null}
      <Flash message={props.message} />
      <CorrectionSummary errors={errors} />
      <form
        method="post"
        action={action}
        class="publication-form"
        data-autosave={`publication-${props.id ?? 'new'}-${props.version ?? 0}`}
      >
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        {props.version !== null ? (
          <input type="hidden" name="version" value={String(props.version)} />
        ) : null}
        <div class="field">
          <label for="f-sectionId">Section *</label>
          <select id="f-sectionId" name="sectionId" required>
            <Options
              choices={choices.sections.map((s) => ({ value: String(s.id), label: s.title }))}
              selected={v.sectionId}
            />
          </select>
          {errors.sectionId ? <p class="error">{errors.sectionId}</p> : null}
        </div>
        <div class="field">
          <label for="f-type">Type *</label>
          <select id="f-type" name="type" required>
            <Options
              choices={PUBLICATION_TYPES.map((t) => ({ value: t, label: typeLabel(t) }))}
              selected={v.type}
            />
          </select>
        </div>
        <Field {...bound('title')} label="Title" required />
        <Field
          {...bound('slug')}
          label="Slug"
          required
          hint="Lower-case letters, digits and hyphens: the last part of the address."
        />
        <Field {...bound('subtitle')} label="Subtitle" />
        <Field {...bound('summary')} label="Summary" multiline rows={4} hint="Markdown." />
        <div class="field markdown-editor">
          <label for="f-body">Body</label>
          <p class="hint" id="f-body-hint">
            Markdown. Footnotes: write <code>[^1]</code> in the text and{' '}
            <code>[^1]: the reference</code> at the end. Pasting from Word or Google Docs gives
            clean Markdown.
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

        <RowTable
          legend="Contributors, in order"
          columns={['Position', 'Person', 'Role', 'Credit', 'Affiliation as printed']}
          name="contributions"
          rows={v.contributions}
          blank={{ personId: '', role: 'author', credit: 'primary', affiliationLabel: '' }}
          spare={1}
          errors={errors}
          row={(cell, row, i) => (
            <>
              <td>
                <input
                  type="number"
                  name={`contributions[${i}][position]`}
                  value={String(i + 1)}
                  min="1"
                  aria-label={`Position of contributor ${i + 1}`}
                  class="narrow"
                />
              </td>
              <SelectCell {...cell('personId')} label={`Contributor ${i + 1}`}>
                <option value="">—</option>
                <Options choices={people} selected={row.personId} />
              </SelectCell>
              <SelectCell {...cell('role')} label={`Role of contributor ${i + 1}`}>
                <Options
                  choices={CONTRIBUTION_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
                  selected={row.role}
                />
              </SelectCell>
              <SelectCell {...cell('credit')} label={`Credit of contributor ${i + 1}`}>
                <Options choices={credits} selected={row.credit} />
              </SelectCell>
              <td>
                <input
                  type="text"
                  name={`contributions[${i}][affiliationLabel]`}
                  value={row.affiliationLabel}
                  aria-label={`Affiliation of contributor ${i + 1} as printed`}
                />
              </td>
            </>
          )}
        >
          The affiliation exactly as printed when the piece appeared, e.g. “HRNK Co-Chair”. Leave
          the person empty to remove a row.
        </RowTable>

        <fieldset>
          <legend>Dates</legend>
          <Field {...bound('publishedAt')} label="Published (date shown to readers)" type="date" />
          <SelectField
            {...bound('publishedPrecision')}
            label="Date as printed"
            empty={null}
            hint="When the source prints only a month or a year, pick its first day above."
            options={[
              { value: 'day', label: 'Day' },
              { value: 'month', label: 'Month only' },
              { value: 'year', label: 'Year only' },
            ]}
          />
          <Field {...bound('revisedAt')} label="Updated" type="date" />
          <Field
            {...bound('embargoUntil')}
            label="Embargo until (UTC)"
            type="datetime-local"
            hint="Hidden from every public surface until this moment."
          />
        </fieldset>

        <fieldset>
          <legend>Where it first appeared</legend>
          <SelectField
            label="Venue"
            name="venueId"
            value={v.venueId}
            options={choices.organizations.map((o) => ({ value: String(o.id), label: o.name }))}
          />
          <SelectField
            label="At the venue, the piece is"
            name="venueStatus"
            value={v.venueStatus}
            empty={null}
            options={[
              { value: 'published', label: 'published (“First published in …”)' },
              { value: 'forthcoming', label: 'announced only (“Forthcoming in …”)' },
            ]}
          />
          <Field {...bound('externalUrl')} label="Link to the original" type="url" />
          <div class="field checkbox">
            <input
              id="f-excerptOnly"
              type="checkbox"
              name="excerptOnly"
              value="1"
              checked={v.excerptOnly}
            />
            <label for="f-excerptOnly">Only an excerpt is here (“Continue reading at …”)</label>
          </div>
        </fieldset>

        <fieldset>
          <legend>Topics, key words and places</legend>
          <Field
            label="Key words as printed by the author (leave empty if none were printed)"
            name="keywords"
            value={v.keywords}
          />
          <p class="hint">Topics (the archive's own tags):</p>
          <div class="checkbox-list">
            {choices.topics.map((t) => (
              <label>
                <input
                  type="checkbox"
                  name="topicIds"
                  value={String(t.id)}
                  checked={v.topicIds.includes(String(t.id))}
                />{' '}
                {t.name}
              </label>
            ))}
          </div>
          <div class="field">
            <label for="f-placeIds">Places</label>
            <select id="f-placeIds" name="placeIds" multiple size={6}>
              <Options
                choices={choices.places.map((p) => ({ value: String(p.id), label: p.label }))}
                selected={v.placeIds}
              />
            </select>
          </div>
        </fieldset>

        <fieldset>
          <legend>Series, translations, identifiers</legend>
          <SelectField
            label="Series"
            name="seriesId"
            value={v.seriesId}
            options={choices.series.map((s) => ({ value: String(s.id), label: s.title }))}
          />
          <Field {...bound('seriesPosition')} label="Position in the series" type="number" />
          <Field {...bound('language')} label="Language" required hint="en, ko, …" />
          <Field
            label="Translation group"
            name="translationGroup"
            value={v.translationGroup}
            hint="The same word on every language version of one piece links them."
          />
          <Field label="Report number" name="reportNumber" value={v.reportNumber} />
          <Field {...bound('doi')} label="DOI" />
          <Field
            label="Disclaimer (leave empty for the section's)"
            name="disclaimer"
            value={v.disclaimer}
            multiline
            rows={3}
          />
          <SelectField
            label="Text written by the archive, not the authors"
            name="archiveText"
            value={v.archiveText}
            options={[
              { value: 'summary', label: 'the summary' },
              { value: 'body', label: 'the body' },
              { value: 'summary-and-body', label: 'the summary and the body' },
            ]}
          />
          <SelectField
            label="Translated by (when this version is a translation)"
            name="translatedById"
            value={v.translatedById}
            options={choices.organizations.map((o) => ({ value: String(o.id), label: o.name }))}
          />
          <Field
            label="Needs attention (a note for editors)"
            name="needsAttention"
            value={v.needsAttention}
            multiline
            rows={2}
          />
        </fieldset>
        <p>
          <button type="submit">Save</button>
        </p>
      </form>

      {props.id ? (
        <>
          <FilesPanel ctx={ctx} publicationId={props.id} files={props.files} />
          <section aria-labelledby="workflow-heading">
            <h2 id="workflow-heading">Workflow</h2>
            <Flash message={errors.status} error />
            <form method="post" action={`/admin/publications/${props.id}/status`} class="workflow">
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <input type="hidden" name="version" value={String(props.version)} />
              {props.status === 'draft' ? (
                <button type="submit" name="to" value="in-review">
                  Submit for review
                </button>
              ) : null}
              {props.canPublish && props.status !== 'published' ? (
                <button
                  type="submit"
                  name="to"
                  value="published"
                  data-confirm={`Publish now: “${v.title}” will be visible to everyone${props.wouldBeAt ? ` at ${props.wouldBeAt}` : ''}.`}
                >
                  Publish now
                </button>
              ) : null}
              {props.canPublish && props.status !== 'published' ? (
                <span class="schedule">
                  <label for="f-scheduledAt">Publish at (UTC)</label>{' '}
                  <input id="f-scheduledAt" type="datetime-local" name="scheduledAt" />{' '}
                  <button type="submit" name="to" value="scheduled">
                    Schedule
                  </button>
                </span>
              ) : null}
              {props.canPublish && props.status === 'published' ? (
                <span>
                  <label for="f-withdrawnReason">Reason shown to readers</label>{' '}
                  <input id="f-withdrawnReason" name="withdrawnReason" />{' '}
                  <button
                    type="submit"
                    name="to"
                    value="withdrawn"
                    data-confirm={`Withdraw “${v.title}”: readers will find a notice with your reason in its place.`}
                  >
                    Withdraw
                  </button>
                </span>
              ) : null}
              {props.status !== 'draft' && props.status !== 'published' ? (
                <button type="submit" name="to" value="draft">
                  Back to draft
                </button>
              ) : null}
            </form>
            <PreviewLinksPanel
              ctx={ctx}
              publicationId={props.id}
              links={props.previewLinks}
              days={props.previewDays}
            />
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
            {props.canPublish ? (
              <form method="post" action={`/admin/publications/${props.id}/delete`}>
                <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                <input type="hidden" name="version" value={String(props.version)} />
                <button type="submit" class="danger">
                  Move to trash
                </button>
              </form>
            ) : null}
          </section>
        </>
      ) : null}
    </AdminLayout>
  );
}
