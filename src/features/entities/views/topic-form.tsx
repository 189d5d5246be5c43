import { Field } from '../../../ui/admin/admin-layout.tsx';
import { CatalogFormFrame, type CatalogFormProps } from './entity-form-frame.tsx';

export interface TopicFormValues {
  slug: string;
  name: string;
  nameKo: string;
}

export function TopicForm(props: CatalogFormProps<TopicFormValues>) {
  const { values: v, errors } = props;
  return (
    <CatalogFormFrame {...props} title={props.id ? `Key word: ${v.name}` : 'New key word'}>
      <Field label="Name" name="name" value={v.name} required error={errors.name} />
      <Field label="Korean name" name="nameKo" value={v.nameKo} error={errors.nameKo} />
      <Field
        label="Slug"
        name="slug"
        value={v.slug}
        required
        error={errors.slug}
        hint="The address: /topics/slug/."
      />
    </CatalogFormFrame>
  );
}
