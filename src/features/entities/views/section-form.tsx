import { Field } from '../../../ui/admin/admin-layout.tsx';
import { CatalogFormFrame, type CatalogFormProps } from './entity-form-frame.tsx';

export interface SectionFormValues {
  slug: string;
  title: string;
  titleKo: string;
  description: string;
  descriptionKo: string;
  disclaimer: string;
  disclaimerKo: string;
  position: string;
}

export function SectionForm(props: CatalogFormProps<SectionFormValues>) {
  const { values: v, errors } = props;
  return (
    <CatalogFormFrame {...props} title={props.id ? `Section: ${v.title}` : 'New section'}>
      <Field label="Title" name="title" value={v.title} required error={errors.title} />
      <Field label="Korean title" name="titleKo" value={v.titleKo} error={errors.titleKo} />
      <Field
        label="Slug"
        name="slug"
        value={v.slug}
        required
        error={errors.slug}
        hint="The first part of every address in the section (/reports/…). Changing it moves every page: add redirects."
      />
      <Field
        label="Description"
        name="description"
        value={v.description}
        multiline
        rows={4}
        error={errors.description}
      />
      <Field
        label="Korean description"
        name="descriptionKo"
        value={v.descriptionKo}
        multiline
        rows={4}
        error={errors.descriptionKo}
      />
      <Field
        label="Disclaimer"
        name="disclaimer"
        value={v.disclaimer}
        multiline
        rows={3}
        error={errors.disclaimer}
        hint="Printed under every piece of the section that has none of its own."
      />
      <Field
        label="Korean disclaimer"
        name="disclaimerKo"
        value={v.disclaimerKo}
        multiline
        rows={3}
        error={errors.disclaimerKo}
      />
      <Field
        label="Position in the menu"
        name="position"
        type="number"
        value={v.position}
        error={errors.position}
      />
    </CatalogFormFrame>
  );
}
