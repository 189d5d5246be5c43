import type { SearchFilters, SearchRequest, SortOrder } from './search-archive.ts';

/** Facet names in the query string, and the filter each one fills. */
export const FACET_PARAMS = {
  type: 'types',
  section: 'sections',
  person: 'people',
  topic: 'topics',
  place: 'places',
  lang: 'languages',
} as const satisfies Record<string, keyof SearchFilters>;

export type FacetParam = keyof typeof FACET_PARAMS;

const SORTS: readonly SortOrder[] = ['relevance', 'newest', 'oldest'];

/**
 * The search page's query string as a search request. Anything odd (a bad page number, a year
 * of letters, a thousand facet values) is dropped rather than refused: a reader's URL always
 * gets an answer.
 */
export function searchRequestFrom(params: URLSearchParams): SearchRequest {
  const filters: SearchFilters = {};
  for (const [param, key] of Object.entries(FACET_PARAMS)) {
    const values = params
      .getAll(param)
      .map(withoutNul)
      .filter((v) => v.length > 0 && v.length <= 200)
      .slice(0, 20);
    if (values.length > 0) filters[key] = values;
  }
  const year = (v: string | null) => (v && /^\d{4}$/.test(v) ? Number(v) : null);
  filters.yearFrom = year(params.get('from'));
  filters.yearTo = year(params.get('to'));
  const sort = params.get('sort') as SortOrder | null;
  const page = Number(params.get('page'));
  return {
    q: withoutNul(params.get('q') ?? '').slice(0, 10_000),
    filters,
    sort: sort && SORTS.includes(sort) ? sort : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** PostgreSQL's text cannot hold a NUL, and no word or name contains one. */
function withoutNul(value: string): string {
  return value.replaceAll('\u0000', '');
}

/** The same search with one facet value added or taken away, back to page 1. */
export function toggledSearch(params: URLSearchParams, param: string, value: string): string {
  const next = new URLSearchParams(params);
  next.delete('page');
  const values = next.getAll(param);
  next.delete(param);
  const kept = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  for (const v of kept) next.append(param, v);
  return `?${next.toString()}`;
}

export function withPage(params: URLSearchParams, page: number): string {
  const next = new URLSearchParams(params);
  if (page === 1) next.delete('page');
  else next.set('page', String(page));
  return `?${next.toString()}`;
}

export function withoutFilters(params: URLSearchParams): string {
  const next = new URLSearchParams();
  const q = params.get('q');
  if (q) next.set('q', q);
  const sort = params.get('sort');
  if (sort) next.set('sort', sort);
  return `?${next.toString()}`;
}
