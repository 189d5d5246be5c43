import { BilingualFields, Field, fieldBinder } from '../../../ui/admin/form-fields.tsx';
import { EntityFormFrame, type EntityFormProps } from './entity-form-frame.tsx';

/** The form's fields: text, each named as the series's own field. */
export const SERIES_FIELDS = ['slug', 'title', 'titleKo', 'source'] as const;

export type SeriesFormValues = Record<(typeof SERIES_FIELDS)[number], string>;

export function SeriesForm(props: EntityFormProps<SeriesFormValues>) {
  const { values: v, errors } = props;
  const bound = fieldBinder(v, errors);
  return (
    <EntityFormFrame {...props} title={props.id ? `Series: ${v.title}` : 'New series'}>
      <BilingualFields label="Title" name="title" values={v} errors={errors} required />
      <Field {...bound('slug')} label="Slug" required />
      <Field
        {...bound('source')}
        label="Source of the series' parts and their order"
        multiline
        rows={2}
        hint="Shown with the series: the public source that names its parts (a press release, the report itself)."
      />
      <p class="hint">
        Publications join a series, with their position in it, from their own form.
      </p>
    </EntityFormFrame>
  );
}
