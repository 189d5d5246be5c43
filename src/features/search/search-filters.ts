import { PUBLICATION_TYPES } from '../../core/content-types.ts';
import type { Gazetteer } from '../../core/gazetteer.ts';
import type { Repositories } from '../../core/repositories.ts';
import type { Constraint } from '../../core/search-index.ts';
import { analyze, sanitize, segment, stemOf } from './analyzer.ts';
import type { FieldFilter } from './query-parser.ts';
import type { SearchNote } from './search-notes.ts';

/** Facet selections a search request carries (from the page's facet links), by slug or key. */
export interface SearchFilters {
  types?: string[];
  sections?: string[];
  people?: string[];
  topics?: string[];
  places?: string[];
  languages?: string[];
  yearFrom?: number | null;
  yearTo?: number | null;
}

export type FilterRepos = Pick<Repositories, 'sections' | 'people' | 'topics' | 'places'>;

/**
 * Which of some people, topics or places the work public at the search's `now` is filed under
 * (a place also when that work's own text names it), as the search's facets count them. A
 * filter may name only those.
 */
export type PublicLinks = (
  field: 'person' | 'topic' | 'place',
  ids: readonly number[],
) => Promise<ReadonlySet<number>>;

/** What the filters are resolved against. */
export interface FilterCatalog {
  repos: FilterRepos;
  gazetteer: Gazetteer;
  publicLinks: PublicLinks;
}

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'en',
  eng: 'en',
  english: 'en',
  ko: 'ko',
  kor: 'ko',
  korean: 'ko',
  한국어: 'ko',
  영어: 'en',
};

/**
 * Turns facet selections and `field:value` filters into index constraints. Within one facet the
 * selected values are alternatives; separate facets and separate filters all apply. A filter
 * that names nothing known matches nothing, with a note saying so (never silently ignored).
 *
 * People, topics and places are known only through public work: one credited only on a draft,
 * an embargoed, scheduled or withdrawn piece is resolved exactly as a name nobody has (same
 * note, same constraint), or the note's absence would tell that it exists. A place counts when
 * public work is filed under it or a place inside it (a province above a camp), or names one of
 * them in its own text: exactly the places the place facet can list.
 */
export async function resolveConstraints(
  catalog: FilterCatalog,
  filters: SearchFilters,
  fieldFilters: readonly FieldFilter[],
  notes: SearchNote[],
): Promise<Constraint[]> {
  const { repos, gazetteer } = catalog;
  const out: Constraint[] = [];
  const wantsSections =
    (filters.sections?.length ?? 0) > 0 || fieldFilters.some((f) => f.field === 'section');
  const sections = wantsSections ? await repos.sections.list() : [];
  if (filters.types?.length) out.push({ field: 'type', values: filters.types, negated: false });
  if (filters.languages?.length) {
    out.push({ field: 'language', values: filters.languages, negated: false });
  }
  if (filters.sections?.length) {
    const ids = sections.filter((s) => filters.sections!.includes(s.slug)).map((s) => s.id);
    out.push({ field: 'section', ids, negated: false });
  }
  if (filters.people?.length) {
    const found = await Promise.all(filters.people.map((s) => repos.people.findBySlug(s)));
    const people = await publicOnly(catalog, 'person', ids(found));
    out.push({ field: 'person', ids: people, negated: false });
  }
  if (filters.topics?.length) {
    const found = await Promise.all(filters.topics.map((s) => repos.topics.findBySlug(s)));
    const topics = await publicOnly(catalog, 'topic', ids(found));
    out.push({ field: 'topic', ids: topics, negated: false });
  }
  if (filters.places?.length) {
    const found = await Promise.all(filters.places.map((s) => repos.places.findBySlug(s)));
    const places = await publicPlaces(catalog, ids(found));
    out.push({ field: 'place', ids: gazetteer.withDescendants(places), negated: false });
  }
  if (filters.yearFrom != null || filters.yearTo != null) {
    out.push({
      field: 'year',
      from: filters.yearFrom ?? null,
      to: filters.yearTo ?? null,
      negated: false,
    });
  }
  for (const f of fieldFilters) {
    const c = await resolveField(catalog, sections, f, notes);
    if (c) out.push(c);
  }
  return out;
}

async function resolveField(
  catalog: FilterCatalog,
  sections: Array<{ id: number; slug: string; title: string; titleKo: string | null }>,
  f: FieldFilter,
  notes: SearchNote[],
): Promise<Constraint | null> {
  const { repos, gazetteer } = catalog;
  const negated = f.negated;
  const none = (what: 'author' | 'topic' | 'section' | 'place') =>
    notes.push({ key: `search.note.no.${what}`, values: { value: f.value } });
  /** Named by its slug, or by every word of the query in one of its names. */
  const isNamed = (slug: string, names: Array<string | null>, stem = false) =>
    slug === f.value || containsWords(names, f.value, stem);
  /** Publications linked to the people or topics the filter names, counting only public ones. */
  const linked = async (
    field: 'person' | 'topic',
    what: 'author' | 'topic',
    matching: ReadonlyArray<{ id: number }>,
  ): Promise<Constraint> => {
    const found = await publicOnly(
      catalog,
      field,
      matching.map((n) => n.id),
    );
    if (found.length === 0) none(what);
    return { field, ids: found, negated };
  };
  switch (f.field) {
    case 'author': {
      const people = await repos.people.names();
      const matching = people.filter((p) => isNamed(p.slug, [p.name, p.nameKo]));
      return linked('person', 'author', matching);
    }
    case 'topic': {
      const topics = await repos.topics.list();
      const matching = topics.filter((t) => isNamed(t.slug, [t.name, t.nameKo], true));
      return linked('topic', 'topic', matching);
    }
    case 'section': {
      const found = sections.filter((s) => isNamed(s.slug, [s.title, s.titleKo], true));
      if (found.length === 0) none('section');
      return { field: 'section', ids: found.map((s) => s.id), negated };
    }
    case 'place': {
      const named = await placesNamed(catalog, f.value);
      if (named.length === 0) none('place');
      return { field: 'place', ids: gazetteer.withDescendants(named), negated };
    }
    case 'type': {
      const v = f.value.toLowerCase();
      const type = PUBLICATION_TYPES.find((t) => t === v || `${t}s` === v);
      if (!type || type === 'page') {
        notes.push({
          key: 'search.note.noType',
          values: { value: f.value, types: PUBLICATION_TYPES.join(', ') },
        });
      }
      return { field: 'type', values: type ? [type] : [], negated };
    }
    case 'lang': {
      const code = LANGUAGE_NAMES[f.value.toLowerCase()] ?? f.value.toLowerCase();
      return { field: 'language', values: [code], negated };
    }
    case 'year': {
      const range = parseYears(f.value);
      if (!range) {
        notes.push({ key: 'search.note.badYear', values: { value: f.value } });
        return { field: 'year', from: 1, to: 0, negated: false };
      }
      return { field: 'year', ...range, negated };
    }
  }
}

/** "2016", "2013..2016", "2013-2016", "..2016", "2013..": inclusive years. */
export function parseYears(value: string): { from: number | null; to: number | null } | null {
  const m = /^(\d{4})?\s*(?:\.\.|–|-)?\s*(\d{4})?$/.exec(value.trim());
  if (!m || (!m[1] && !m[2])) return null;
  const single = !/\.\.|–|-/.test(value);
  const from = m[1] ? Number(m[1]) : null;
  const to = single ? from : m[2] ? Number(m[2]) : null;
  if (from !== null && to !== null && from > to) return { from: to, to: from };
  return { from, to };
}

/** True when every word of the query is among the words of one of the names. */
function containsWords(names: ReadonlyArray<string | null>, query: string, stem = false): boolean {
  const wanted = wordsOf(query, stem);
  if (wanted.size === 0) return false;
  return names.some((name) => {
    const have = wordsOf(name ?? '', stem);
    for (const w of wanted) if (!have.has(w)) return false;
    return true;
  });
}

/**
 * The words of a name, analyzed once per distinct name: an `author:` filter tests every person in
 * the archive, thousands of them. Keyed by the text itself, so a rename is a new entry, never a
 * stale one; emptied when it grows past a bound.
 */
const analyzedNames = new Map<string, ReadonlySet<string>>();
const ANALYZED_NAMES_MAX = 50_000;

function wordsOf(text: string, stem: boolean): ReadonlySet<string> {
  const key = `${stem ? 's' : 'w'}${text}`;
  let words = analyzedNames.get(key);
  if (!words) {
    words = new Set(analyze(text).map((t) => (stem ? (stemOf(t.text) ?? t.text) : t.text)));
    if (analyzedNames.size >= ANALYZED_NAMES_MAX) analyzedNames.clear();
    analyzedNames.set(key, words);
  }
  return words;
}

/**
 * The public places a `place:` filter names: the one with that slug, else the first of the
 * gazetteer's tiers of names (see `filterTiers`) that holds a public place. Hidden places are
 * skipped at every step, so the answer is the one a gazetteer without them would give.
 */
async function placesNamed(catalog: FilterCatalog, value: string): Promise<number[]> {
  const bySlug = await catalog.repos.places.findBySlug(value);
  if (bySlug) {
    const found = await publicPlaces(catalog, [bySlug.id]);
    if (found.length > 0) return found;
  }
  for (const tier of catalog.gazetteer.filterTiers(unitsFor(value))) {
    const found = await publicPlaces(catalog, tier);
    if (found.length > 0) return found;
  }
  return [];
}

/** Of these people or topics, those credited on public work. */
async function publicOnly(
  catalog: FilterCatalog,
  field: 'person' | 'topic',
  candidates: readonly number[],
): Promise<number[]> {
  if (candidates.length === 0) return [];
  const open = await catalog.publicLinks(field, candidates);
  return candidates.filter((id) => open.has(id));
}

/** Of these places, those with public work filed under them or a place inside them. */
async function publicPlaces(
  catalog: FilterCatalog,
  candidates: readonly number[],
): Promise<number[]> {
  if (candidates.length === 0) return [];
  const within = candidates.map((id) => catalog.gazetteer.withDescendants([id]));
  const open = await catalog.publicLinks('place', [...new Set(within.flat())]);
  return candidates.filter((_, i) => within[i]!.some((id) => open.has(id)));
}

function unitsFor(text: string) {
  return segment(sanitize(text));
}

function ids(found: ReadonlyArray<{ id: number } | undefined>): number[] {
  return found.filter((x): x is { id: number } => x !== undefined).map((x) => x.id);
}
