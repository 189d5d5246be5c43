import { PUBLICATION_TYPES, type PublicationType } from '../../../core/content-types.ts';

/**
 * Sets: "section:{slug}" for each section and "type:{type}" for each kind of work, under the
 * parents "section" and "type" (a hierarchy, 4.6: asking for a parent set asks for everything
 * in its children, which here is every record).
 */
export interface OaiSet {
  spec: string;
  name: string;
}

export type SetFilter =
  | { all: true }
  | { sectionSlug: string }
  | { type: PublicationType }
  | { none: true };

export const HARVESTED_TYPES = PUBLICATION_TYPES.filter((t) => t !== 'page');

export function listSets(
  sections: Array<{ slug: string; title: string }>,
  typeLabel: (type: PublicationType) => string,
): OaiSet[] {
  return [
    { spec: 'section', name: 'Sections' },
    ...sections.map((s) => ({ spec: `section:${s.slug}`, name: s.title })),
    { spec: 'type', name: 'Types of work' },
    ...HARVESTED_TYPES.map((t) => ({ spec: `type:${t}`, name: typeLabel(t) })),
  ];
}

/** What a set asks for. An unknown set matches nothing: the answer is noRecordsMatch. */
export function setFilter(spec: string | null): SetFilter {
  if (spec === null || spec === 'section' || spec === 'type') return { all: true };
  const [kind, value, ...rest] = spec.split(':');
  if (rest.length > 0 || !value) return { none: true };
  if (kind === 'section') return { sectionSlug: value };
  if (kind === 'type' && (HARVESTED_TYPES as readonly string[]).includes(value))
    return { type: value as PublicationType };
  return { none: true };
}

export function setSpecsOf(record: { sectionSlug: string; type: PublicationType }): string[] {
  return [`section:${record.sectionSlug}`, `type:${record.type}`];
}
