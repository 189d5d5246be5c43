import type { Publication } from '../../core/entities.ts';
import { preferredName } from '../../core/place-name.ts';
import type { PublicationView } from '../../core/public-views.ts';
import { fileView, loadEntries, type ReadingRepos } from '../reading/index.ts';
import { buildWork } from './build-work.ts';
import type { ScholarlyContext } from './scholarly-context.ts';
import type { ScholarlyWork } from './work.ts';

/** The work shown on a publication page, from the page's own view. */
export function workFromPublicationView(
  ctx: ScholarlyContext,
  view: PublicationView,
): ScholarlyWork {
  return buildWork(ctx, view, {
    keywords: view.topics.map((t) => t.name),
    places: view.places.map((p) => ({
      name: p.label,
      latitude: p.latitude,
      longitude: p.longitude,
    })),
    files: view.files,
    series: view.series
      ? { title: view.series.series.title, position: view.series.position }
      : null,
  });
}

/**
 * Works for a batch of public publications (a feed, a page of an OAI harvest), in the same
 * order, with a fixed number of queries per batch plus one per publication for its links.
 * Callers pass only publications the public-visibility rule let through.
 */
export async function loadWorks(
  repos: ReadingRepos,
  ctx: ScholarlyContext,
  publications: Publication[],
): Promise<Array<{ work: ScholarlyWork; publication: Publication }>> {
  if (publications.length === 0) return [];
  const ids = publications.map((p) => p.id);
  const [entries, records, topics, places, attachments, sections] = await Promise.all([
    loadEntries(repos, publications),
    Promise.all(ids.map((id) => repos.publications.findById(id))),
    repos.topics.list(),
    repos.places.list(),
    repos.files.attachmentsOf(ids),
    repos.sections.list(),
  ]);
  const seriesIds = [
    ...new Set(publications.map((p) => p.seriesId).filter((id): id is number => id !== null)),
  ];
  const series = new Map(
    (await Promise.all(seriesIds.map((id) => repos.series.findById(id))))
      .filter((s) => s !== undefined)
      .map((s) => [s.id, s]),
  );
  return publications.map((publication, i) => {
    const entry = entries[i]!;
    const record = records[i];
    const section = sections.find((s) => s.id === publication.sectionId)!;
    const s = publication.seriesId !== null ? series.get(publication.seriesId) : undefined;
    const work = buildWork(ctx, entry, {
      keywords: (record?.topicIds ?? [])
        .map((id) => topics.find((t) => t.id === id)?.name)
        .filter((n) => n !== undefined),
      places: (record?.placeIds ?? [])
        .map((id) => places.find((p) => p.id === id))
        .filter((p) => p !== undefined)
        .map((p) => ({
          name: preferredName(p.names),
          latitude: p.latitude,
          longitude: p.longitude,
        })),
      files: attachments
        .filter((a) => a.publicationId === publication.id)
        .map((a) => fileView(section, publication, a)),
      series: s ? { title: s.title, position: publication.seriesPosition ?? 1 } : null,
    });
    return { work, publication };
  });
}
