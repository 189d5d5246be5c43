import type { Person, Place, Section, Topic } from '../../../core/entities.ts';
import type { EntryView, ListingPage } from '../../../core/public-views.ts';
import type { CatalogFilter } from '../../../core/repositories/catalog-repository.ts';
import { loadEntries, type ReadingRepos } from './entries.ts';
import { PAGE_SIZE, pageCount } from './paging.ts';

/** One page of public entries for a filter, or null when the page is past the end. */
export async function loadListing(
  repos: ReadingRepos,
  filter: CatalogFilter,
  page: number,
  now: Date,
): Promise<ListingPage<EntryView> | null> {
  const result = await repos.catalog.list(
    filter,
    { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    now,
  );
  const pages = pageCount(result.total);
  if (page > pages) return null;
  return { items: await loadEntries(repos, result.items), page, pages, total: result.total };
}

export interface HomeView {
  featured: EntryView | null;
  latest: EntryView[];
  sections: Array<{ section: Section; count: number }>;
}

const REPORT_TYPES = new Set(['report', 'imagery-report', 'book']);

/** The newest work across sections, with the newest report featured above it. */
export async function loadHome(repos: ReadingRepos, now: Date): Promise<HomeView> {
  // The newest thirty without a total (the home page has no pagination to size).
  const [recent, sections, counts] = await Promise.all([
    repos.catalog.first({}, 30, now),
    repos.sections.list(),
    repos.catalog.countsBySection(now),
  ]);
  const featuredPub = recent.find((p) => REPORT_TYPES.has(p.type)) ?? null;
  const latestPubs = recent.filter((p) => p.id !== featuredPub?.id).slice(0, 8);
  // One batch for the featured piece and the latest: contributors, files and venues once.
  const entries = await loadEntries(repos, featuredPub ? [featuredPub, ...latestPubs] : latestPubs);
  return {
    featured: featuredPub ? (entries[0] ?? null) : null,
    latest: featuredPub ? entries.slice(1) : entries,
    sections: sections
      .map((section) => ({ section, count: counts.get(section.id) ?? 0 }))
      .filter((s) => s.count > 0),
  };
}

export async function loadSectionPage(repos: ReadingRepos, slug: string, page: number, now: Date) {
  const section = await repos.sections.findBySlug(slug);
  if (!section) return null;
  const listing = await loadListing(repos, { sectionId: section.id }, page, now);
  return listing ? { section, listing } : null;
}

export async function loadPersonPage(repos: ReadingRepos, slug: string, page: number, now: Date) {
  const person: Person | undefined = await repos.people.findBySlug(slug);
  if (!person) return null;
  const listing = await loadListing(repos, { personId: person.id }, page, now);
  // A person with no public work has no public page: a source named only in a draft stays unnamed.
  if (!listing || listing.total === 0) return null;
  const orgs = await repos.organizations.findByIds(
    person.roles.map((r) => r.organizationId).filter((id): id is number => id !== null),
  );
  const roles = person.roles.map((r) => ({
    ...r,
    organization: orgs.find((o) => o.id === r.organizationId) ?? null,
  }));
  // Shown only here, where the person is already known to have public work.
  const photo = (await repos.images.photosOf([person.id])).get(person.id) ?? null;
  return { person, roles, listing, photo };
}

/** An index entry: a person or topic with how much public work it has (never none). */
export interface Counted<T> {
  item: T;
  count: number;
}

/** Everyone with public work, in the people list's order, each with how many pieces. */
export async function loadPeopleIndex(repos: ReadingRepos, now: Date): Promise<Counted<Person>[]> {
  const [people, counts] = await Promise.all([
    repos.people.list(),
    repos.catalog.countsByPerson(now),
  ]);
  return withCounts(people, counts);
}

/** Every topic with public work, in the topic list's order, each with how many pieces. */
export async function loadTopicIndex(repos: ReadingRepos, now: Date): Promise<Counted<Topic>[]> {
  const [topics, counts] = await Promise.all([
    repos.topics.list(),
    repos.catalog.countsByTopic(now),
  ]);
  return withCounts(topics, counts);
}

function withCounts<T extends { id: number }>(
  items: T[],
  counts: Map<number, number>,
): Counted<T>[] {
  return items
    .map((item) => ({ item, count: counts.get(item.id) ?? 0 }))
    .filter((x) => x.count > 0);
}

export async function loadTopicPage(repos: ReadingRepos, slug: string, page: number, now: Date) {
  const topic: Topic | undefined = await repos.topics.findBySlug(slug);
  if (!topic) return null;
  const listing = await loadListing(repos, { topicId: topic.id }, page, now);
  return listing && listing.total > 0 ? { topic, listing } : null;
}

export async function loadYearPage(repos: ReadingRepos, year: number, page: number, now: Date) {
  const listing = await loadListing(repos, { year }, page, now);
  if (!listing || listing.total === 0) return null;
  return { year, listing };
}

export interface PlacePageView {
  place: Place;
  ancestors: Place[];
  children: Place[];
  /** The country the place lies in, for the locator map. */
  country: Place | null;
  /** Places inside this one with a sourced point or outline and public work: on its map. */
  pointsInside: Place[];
  listing: ListingPage<EntryView>;
}

/** A place with its parents, the places inside it, and the work on it or anywhere inside it. */
export async function loadPlacePage(
  repos: ReadingRepos,
  slug: string,
  page: number,
  now: Date,
): Promise<PlacePageView | null> {
  const place = await repos.places.findBySlug(slug);
  if (!place) return null;
  const all = await repos.places.list();
  const ancestors: Place[] = [];
  for (let at = place.parentId; at !== null; ) {
    const parent = all.find((p) => p.id === at);
    if (!parent || ancestors.includes(parent)) break;
    ancestors.push(parent);
    at = parent.parentId;
  }
  const ids = await repos.places.descendantIds(place.id);
  const listing = await loadListing(repos, { placeIds: ids }, page, now);
  // A place with no public work at it or inside it stays out of sight, like a draft about it.
  if (!listing || listing.total === 0) return null;
  const country = [place, ...ancestors].find((p) => p.kind === 'country') ?? null;
  const children = await placesWithPublicWork(
    repos,
    all.filter((p) => p.parentId === place.id),
    now,
  );
  const pointsInside = await placesWithPublicWork(
    repos,
    all.filter(
      (p) =>
        p.id !== place.id && ids.includes(p.id) && (p.latitude !== null || p.footprint !== null),
    ),
    now,
  );
  return { place, ancestors, children, country, listing, pointsInside };
}

/** The places that have public work at them or inside them: the public gazetteer. */
export async function placesWithPublicWork(
  repos: ReadingRepos,
  places: Place[],
  now: Date,
): Promise<Place[]> {
  const counts = await Promise.all(
    places.map(async (p) =>
      repos.catalog.count({ placeIds: await repos.places.descendantIds(p.id) }, now),
    ),
  );
  return places.filter((_, i) => (counts[i] ?? 0) > 0);
}
