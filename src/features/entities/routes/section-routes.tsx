import type { AppContext } from '../../../context.ts';
import type { Section } from '../../../core/entities.ts';
import type { SectionInput } from '../../../core/schemas.ts';
import type { AdminRoute } from '../../../web/admin/route-table.ts';
import { numberOrNull, text } from '../../../web/admin/staff-request.ts';
import { createSection } from '../entities.ts';
import { updateSection } from '../entity-updates.ts';
import { SectionForm, type SectionFormValues } from '../views/section-form.tsx';
import { catalogRoutes } from './entity-crud.tsx';
import { shown } from './entity-values.ts';

const FIELDS = [
  'slug',
  'title',
  'titleKo',
  'description',
  'descriptionKo',
  'disclaimer',
  'disclaimerKo',
  'position',
] as const;

/** The site's sections; the schema refuses slugs the site itself uses (admin, search, ko…). */
export function sectionRoutes(app: AppContext): AdminRoute[] {
  return catalogRoutes<Section, SectionFormValues, SectionInput>(app, {
    path: '/admin/sections',
    title: 'Sections',
    singular: 'section',
    list: () => app.repos.sections.list(),
    find: (id) => app.repos.sections.findById(id),
    listItem: (s) => ({ id: s.id, label: s.title, detail: `/${s.slug}/ · position ${s.position}` }),
    empty: {
      slug: '',
      title: '',
      titleKo: '',
      description: '',
      descriptionKo: '',
      disclaimer: '',
      disclaimerKo: '',
      position: '0',
    },
    valuesOf: (s) =>
      Object.fromEntries(FIELDS.map((f) => [f, shown(s[f])])) as unknown as SectionFormValues,
    read: (body) =>
      Object.fromEntries(FIELDS.map((f) => [f, text(body, f)])) as unknown as SectionFormValues,
    toInput: (v) => {
      const position = numberOrNull(v.position);
      if (position !== null && !Number.isInteger(position)) {
        return { errors: { position: 'A whole number' } };
      }
      return { input: { ...v, slug: v.slug.trim(), position: position ?? undefined } };
    },
    create: (input, actor) => createSection(app, input, actor),
    update: (id, input, actor) => updateSection(app, id, input, actor),
    form: async (props) => <SectionForm {...props} />,
  });
}
