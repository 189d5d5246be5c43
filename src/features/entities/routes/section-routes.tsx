import type { AppContext } from '../../../core/app-context.ts';
import type { Section } from '../../../core/entities.ts';
import type { SectionInput } from '../../../core/schemas.ts';
import { type AdminRoute, numberOrNull } from '../../accounts/index.ts';
import { createSection } from '../create-entities.ts';
import { updateSection } from '../update-entities.ts';
import { ENTITY_KINDS } from '../views/entity-list.tsx';
import { SECTION_FIELDS, SectionForm, type SectionFormValues } from '../views/section-form.tsx';
import { entityRoutes, textFields } from './entity-crud.tsx';

/** The site's sections; the schema refuses slugs the site itself uses (admin, search, ko…). */
export function sectionRoutes(app: AppContext): AdminRoute[] {
  return entityRoutes<Section, SectionFormValues, SectionInput>(app, ENTITY_KINDS.sections, {
    repo: app.repos.sections,
    listItem: (s) => ({ id: s.id, label: s.title, detail: `/${s.slug}/ · position ${s.position}` }),
    ...textFields(SECTION_FIELDS, { position: '0' }),
    toInput: (v) => {
      const position = numberOrNull(v.position);
      if (position !== null && !Number.isInteger(position)) {
        return { errors: { position: 'A whole number' } };
      }
      return { input: { ...v, slug: v.slug.trim(), position: position ?? undefined } };
    },
    create: createSection,
    update: updateSection,
    form: SectionForm,
  });
}
