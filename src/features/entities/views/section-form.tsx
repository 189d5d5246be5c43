import { BilingualFields, Field, fieldBinder } from '../../../ui/admin/form-fields.tsx';
import { EntityFormFrame, type EntityFormProps } from './entity-form-frame.tsx';

/** The form's fields: text, each named as the section's own field. */
export const SECTION_FIELDS = [
  'slug',
  'title',
  'titleKo',
  'description',
  'descriptionKo',
  'disclaimer',
  'disclaimerKo',
  'listDisclaimer',
  'listDisclaimerKo',
  'position',
] as const;

export type SectionFormValues = Record<(typeof SECTION_FIELDS)[number], string>;

export function SectionForm(props: EntityFormProps<SectionFormValues>) {
  const { values: v, errors } = props;
  const bound = fieldBinder(v, errors);
  return (
    <EntityFormFrame {...props} title={props.id ? `Section: ${v.title}` : 'New section'}>
      <BilingualFields label="Title" name="title" values={v} errors={errors} required />
      <Field
        {...bound('slug')}
        label="Slug"
        required
        hint="The first part of every address in the section (/reports/…). Changing it moves every page: add redirects."
      />
      <BilingualFields
        label="Description"
        name="description"
        values={v}
        errors={errors}
        multiline
        rows={4}
      />
      <BilingualFields
        label="Disclaimer"
        name="disclaimer"
        values={v}
        errors={errors}
        multiline
        rows={3}
        hint="Printed under every piece of the section that has none of its own."
      />
      <BilingualFields
        label="Disclaimer under a list of the section's pieces"
        name="listDisclaimer"
        values={v}
        errors={errors}
        multiline
        rows={3}
        hint="Printed once under the section's listing, worded for many pieces (“these articles … the authors”)."
      />
      <Field {...bound('position')} label="Position in the menu" type="number" />
    </EntityFormFrame>
  );
}
