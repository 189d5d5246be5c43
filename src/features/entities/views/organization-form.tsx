import { ORGANIZATION_KINDS } from '../../../core/content-types.ts';
import { Field } from '../../../ui/admin/admin-layout.tsx';
import { CatalogFormFrame, type CatalogFormProps, SelectField } from './entity-form-frame.tsx';

export interface OrganizationFormValues {
  slug: string;
  name: string;
  nameKo: string;
  kind: string;
  url: string;
}

export function OrganizationForm(props: CatalogFormProps<OrganizationFormValues>) {
  const { values: v, errors } = props;
  return (
    <CatalogFormFrame {...props} title={props.id ? `Organization: ${v.name}` : 'New organization'}>
      <Field label="Name" name="name" value={v.name} required error={errors.name} />
      <Field label="Korean name" name="nameKo" value={v.nameKo} error={errors.nameKo} />
      <Field label="Slug" name="slug" value={v.slug} required error={errors.slug} />
      <SelectField
        label="Kind"
        name="kind"
        value={v.kind}
        required
        empty={null}
        error={errors.kind}
        options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: k }))}
      />
      <Field label="Website" name="url" type="url" value={v.url} error={errors.url} />
    </CatalogFormFrame>
  );
}
