import { publicationPath, type ReadingRepos } from '../../reading/index.ts';
import { chunks, MAX_URLS_PER_SITEMAP, newest, type SitemapUrl } from './sitemap-xml.ts';

/**
 * Every public page with its last public change, in both interface languages: home, sections,
 * publications (and pages such as About), and the people, topics, places and years that have
 * public work. The dates come from the same `publicDatestamp` as OAI-PMH, through the catalog,
 * so nothing unpublished can add a URL or move a date.
 */
export async function loadSitemapUrls(
  repos: ReadingRepos,
  publicUrl: string,
  now: Date,
): Promise<SitemapUrl[]> {
  const [pubs, sections, people, topics, places, bySection, byPerson, byTopic, byPlace] =
    await Promise.all([
      repos.catalog.publicDatestamps(now),
      repos.sections.list(),
      repos.people.list(),
      repos.topics.list(),
      repos.places.list(),
      repos.catalog.latestChanges('section', now),
      repos.catalog.latestChanges('person', now),
      repos.catalog.latestChanges('topic', now),
      repos.catalog.latestChanges('place', now),
    ]);
  const listed = pubs.filter((p) => p.type !== 'page');
  const overall = newest(pubs.map((p) => p.datestamp));
  const paths: Array<[string, string | null]> = [['/', overall]];
  for (const index of ['/people/', '/topics/', '/places/', '/years/']) paths.push([index, overall]);
  for (const s of sections) {
    const at = bySection.get(s.id);
    if (at) paths.push([`/${s.slug}/`, at]);
  }
  for (const p of pubs) {
    const section = sections.find((s) => s.id === p.sectionId);
    if (section) paths.push([publicationPath(section, p), p.datestamp]);
  }
  for (const person of people) {
    const at = byPerson.get(person.id);
    if (at) paths.push([`/people/${person.slug}/`, newest([at, person.updatedAt])]);
  }
  for (const topic of topics) {
    const at = byTopic.get(topic.id);
    if (at) paths.push([`/topics/${topic.slug}/`, at]);
  }
  // A place's page lists the work on the places inside it too, so its date is theirs as well.
  const childrenOf = (id: number) => places.filter((p) => p.parentId === id);
  const subtreeLatest = (id: number, seen = new Set<number>()): string | null => {
    if (seen.has(id)) return null;
    seen.add(id);
    return newest([byPlace.get(id), ...childrenOf(id).map((c) => subtreeLatest(c.id, seen))]);
  };
  // Only places with public work (here or inside): a place made for a draft must not show.
  for (const place of places) {
    const at = subtreeLatest(place.id);
    if (at) paths.push([`/places/${place.slug}/`, newest([place.updatedAt, at])]);
  }
  const years = new Map<string, string>();
  for (const p of listed) {
    const year = p.publishedAt?.slice(0, 4);
    if (year) years.set(year, newest([years.get(year), p.datestamp])!);
  }
  for (const [year, at] of [...years].sort()) paths.push([`/years/${year}/`, at]);

  return paths.flatMap(([path, lastmod]) => [
    { loc: `${publicUrl}${path}`, lastmod },
    { loc: `${publicUrl}/ko${path}`, lastmod },
  ]);
}

export interface SitemapPlan {
  /** The sitemap files, each with its URLs. */
  files: SitemapUrl[][];
}

/** The URLs cut into sitemap files of at most `perFile` URLs (50,000 by the protocol). */
export async function planSitemaps(
  repos: ReadingRepos,
  publicUrl: string,
  now: Date,
  perFile = MAX_URLS_PER_SITEMAP,
): Promise<SitemapPlan> {
  return { files: chunks(await loadSitemapUrls(repos, publicUrl, now), perFile) };
}
