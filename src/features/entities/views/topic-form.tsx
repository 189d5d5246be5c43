import { BilingualFields, Field, fieldBinder } from '../../../ui/admin/form-fields.tsx';
import { CatalogFormFrame, type CatalogFormProps } from './entity-form-frame.tsx';

/** The form's fields: text, each named as the key word's own field. */
export const TOPIC_FIELDS = ['slug', 'name', 'nameKo'] as const;

export type TopicFormValues = Record<(typeof TOPIC_FIELDS)[number], string>;

export function TopicForm(props: CatalogFormProps<TopicFormValues>) {
  const { values: v, errors } = props;
  const bound = fieldBinder(v, errors);
  return (
    <CatalogFormFrame {...props} title={props.id ? `Key word: ${v.name}` : 'New key word'}>
      <BilingualFields label="Name" name="name" values={v} errors={errors} required />
      <Field {...bound('slug')} label="Slug" required hint="The address: /topics/slug/." />
    </CatalogFormFrame>
  );
}
