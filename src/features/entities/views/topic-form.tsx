import { BilingualFields, Field, fieldBinder } from '../../../ui/admin/form-fields.tsx';
import { EntityFormFrame, type EntityFormProps } from './entity-form-frame.tsx';

/** The form's fields: text, each named as the key word's own field. */
export const TOPIC_FIELDS = ['slug', 'name', 'nameKo'] as const;

export type TopicFormValues = Record<(typeof TOPIC_FIELDS)[number], string>;

export function TopicForm(props: EntityFormProps<TopicFormValues>) {
  const { values: v, errors } = props;
  const bound = fieldBinder(v, errors);
  return (
    <EntityFormFrame {...props} title={props.id ? `Key word: ${v.name}` : 'New key word'}>
      <BilingualFields label="Name" name="name" values={v} errors={errors} required />
      <Field {...bound('slug')} label="Slug" required hint="The address: /topics/slug/." />
    </EntityFormFrame>
  );
}
