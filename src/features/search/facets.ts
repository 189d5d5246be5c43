import { hangulName } from '../../core/place-name.ts';
import type { Repositories } from '../../core/repositories.ts';
import type { FacetCounts } from '../../core/search-index.ts';
import type { SearchFilters } from './search-filters.ts';

/** One value of a facet, as the search page lists it. */
export interface FacetValue {
  /** What the page puts in the query string to select it: a slug, a key or a year. */
  value: string;
  label: string;
  labelKo: string | null;
  count: number;
  selected: boolean;
}

export interface SearchFacets {
  type: FacetValue[];
  section: FacetValue[];
  person: FacetValue[];
  topic: FacetValue[];
  place: FacetValue[];
  language: FacetValue[];
  /** Newest first. */
  year: FacetValue[];
  /** The earliest and latest year among the results, for a range control. */
  yearRange: { min: number; max: number } | null;
}

/** People, topics and places beyond this many (by count) are left off the list. */
export const FACET_LIMIT = 20;

/**
 * Puts names to the counted ids. Only values that occur among the visible results are ever
 * looked up, so a facet cannot name anything the public may not see.
 */
export async function labelFacets(
  repos: Pick<Repositories, 'sections' | 'people' | 'topics' | 'places'>,
  counts: FacetCounts,
  filters: SearchFilters,
): Promise<SearchFacets> {
  const top = (m: Map<number, number>) =>
    [...m].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, FACET_LIMIT);
  const [sections, people, topics, places] = await Promise.all([
    repos.sections.list(),
    repos.people.findByIds(top(counts.person).map(([id]) => id)),
    repos.topics.findByIds(top(counts.topic).map(([id]) => id)),
    repos.places.findByIds(top(counts.place).map(([id]) => id)),
  ]);
  const has = (list: readonly string[] | undefined, v: string) => list?.includes(v) ?? false;
  const byCount = (a: FacetValue, b: FacetValue) =>
    b.count - a.count || a.label.localeCompare(b.label);
  const plain = (m: Map<string, number>, selected: readonly string[] | undefined) =>
    [...m]
      .map(([v, count]) => ({
        value: v,
        label: v,
        labelKo: null,
        count,
        selected: has(selected, v),
      }))
      .sort(byCount);
  /** A facet over linked records: selected and put in the query string by slug. */
  const linked = <T extends { id: number; slug: string }>(
    records: readonly T[],
    count: Map<number, number>,
    selected: readonly string[] | undefined,
    labels: (record: T) => Pick<FacetValue, 'label' | 'labelKo'>,
  ) =>
    records
      .map((r) => ({
        value: r.slug,
        ...labels(r),
        count: count.get(r.id) ?? 0,
        selected: has(selected, r.slug),
      }))
      .sort(byCount);
  const years = [...counts.year.keys()];
  return {
    type: plain(counts.type, filters.types),
    language: plain(counts.language, filters.languages),
    section: linked(
      sections.filter((s) => counts.section.has(s.id)),
      counts.section,
      filters.sections,
      (s) => ({ label: s.title, labelKo: s.titleKo }),
    ),
    person: linked(people, counts.person, filters.people, (p) => ({
      label: p.name,
      labelKo: p.nameKo,
    })),
    topic: linked(topics, counts.topic, filters.topics, (t) => ({
      label: t.name,
      labelKo: t.nameKo,
    })),
    place: linked(places, counts.place, filters.places, (p) => ({
      label: (p.names.find((n) => n.preferred) ?? p.names[0])?.name ?? p.slug,
      labelKo: hangulName(p.names),
    })),
    year: years
      .sort((a, b) => b - a)
      .map((y) => ({
        value: String(y),
        label: String(y),
        labelKo: null,
        count: counts.year.get(y)!,
        selected:
          (filters.yearFrom == null || y >= filters.yearFrom) &&
          (filters.yearTo == null || y <= filters.yearTo) &&
          (filters.yearFrom != null || filters.yearTo != null),
      })),
    yearRange: years.length > 0 ? { min: Math.min(...years), max: Math.max(...years) } : null,
  };
}
