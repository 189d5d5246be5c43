import { ORGANIZATION_KINDS } from '../../../core/content-types.ts';
import {
  BilingualFields,
  Field,
  fieldBinder,
  SelectField,
} from '../../../ui/admin/form-fields.tsx';
import { EntityFormFrame, type EntityFormProps } from './entity-form-frame.tsx';

/** The form's fields: text, each named as the organization's own field. */
export const ORGANIZATION_FIELDS = ['slug', 'name', 'nameKo', 'kind', 'url'] as const;

export type OrganizationFormValues = Record<(typeof ORGANIZATION_FIELDS)[number], string>;

export function OrganizationForm(props: EntityFormProps<OrganizationFormValues>) {
  const { values: v, errors } = props;
  const bound = fieldBinder(v, errors);
  return (
    <EntityFormFrame {...props} title={props.id ? `Organization: ${v.name}` : 'New organization'}>
      <BilingualFields label="Name" name="name" values={v} errors={errors} required />
      <Field {...bound('slug')} label="Slug" required />
      <SelectField
        {...bound('kind')}
        label="Kind"
        required
        empty={null}
        options={ORGANIZATION_KINDS}
      />
      <Field {...bound('url')} label="Website" type="url" />
    </EntityFormFrame>
  );
}
