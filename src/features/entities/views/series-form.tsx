import { Field } from '../../../ui/admin/admin-layout.tsx';
import { CatalogFormFrame, type CatalogFormProps } from './entity-form-frame.tsx';

export interface SeriesFormValues {
  slug: string;
  title: string;
  titleKo: string;
}

export function SeriesForm(props: CatalogFormProps<SeriesFormValues>) {
  const { values: v, errors } = props;
  return (
    <CatalogFormFrame {...props} title={props.id ? `Series: ${v.title}` : 'New series'}>
      <Field label="Title" name="title" value={v.title} required error={errors.title} />
      <Field label="Korean title" name="titleKo" value={v.titleKo} error={errors.titleKo} />
      <Field label="Slug" name="slug" value={v.slug} required error={errors.slug} />
      <p class="hint">
        Publications join a series, with their position in it, from their own form.
      </p>
    </CatalogFormFrame>
  );
}
