import { Field, fieldBinder, Options, SelectField } from '../../../ui/admin/form-fields.tsx';
import type { PublicationFormChoices, PublicationFormValues } from './publication-form.tsx';

/**
 * What most pieces need once or never: dates, where the piece first appeared, topics and places,
 * series and identifiers. Folded away below the writing, open when one of them has an error.
 */
export function PublicationDetails(props: {
  values: PublicationFormValues;
  choices: PublicationFormChoices;
  errors: Record<string, string>;
}) {
  const { values: v, choices, errors } = props;
  const bound = fieldBinder(v, errors);
  return (
    <details class="publication-details" open={DETAIL_FIELDS.some((f) => errors[f])}>
      <summary>Dates, first appearance, topics, places, series and identifiers</summary>
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
    </details>
  );
}

const DETAIL_FIELDS = [
  'publishedAt',
  'publishedPrecision',
  'revisedAt',
  'venueId',
  'venueStatus',
  'externalUrl',
  'keywords',
  'seriesId',
  'seriesPosition',
  'reportNumber',
  'doi',
  'disclaimer',
  'archiveText',
  'translatedById',
  'needsAttention',
  'topicIds',
  'placeIds',
];
