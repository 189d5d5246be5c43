import type { Person, Place, PublicationRecord, Section } from '../../../core/entities.ts';
import { placeNameIn } from '../../../core/place-name.ts';
import type { EntryView, PublicationView, SeriesPartView } from '../../../core/public-views.ts';
import { isPubliclyVisible, isTombstone } from '../../../core/publication-status.ts';
import type { Repositories } from '../../../core/repositories.ts';
import {
  fileView,
  loadEntries,
  loadEntriesAndPeople,
  publicationPath,
  type ReadingRepos,
} from './entries.ts';
import { publicScenesOf } from './public-scene.ts';

/** A publication's page also lists its timestamped versions. */
export type PublicationPageRepos = ReadingRepos & Pick<Repositories, 'proofs'>;

export type PublicationLookup =
  | {
      kind: 'found';
      view: PublicationView;
      /** Its contributors, with their roles over time, for the citation formats. */
      people: Person[];
    }
  | { kind: 'gone'; entry: EntryView; reason: string | null; withdrawnAt: string }
  | { kind: 'missing' };

/**
 * Everything a publication page shows. A draft, an embargoed piece or one in the trash is
 * 'missing' (the same answer as a wrong address, so nothing about it leaks); a withdrawn piece
 * the public once saw is 'gone' and keeps only its citation data.
 */
export async function loadPublicationPage(
  repos: PublicationPageRepos,
  sectionSlug: string,
  slug: string,
  now: Date,
): Promise<PublicationLookup> {
  const section = await repos.sections.findBySlug(sectionSlug);
  if (!section) return { kind: 'missing' };
  const record = await repos.publications.findBySlug(section.id, slug);
  if (!record) return { kind: 'missing' };
  if (isTombstone(record)) {
    const [entry] = await loadEntries(repos, [record]);
    return entry
      ? {
          kind: 'gone',
          entry: { ...entry, mainPdf: null },
          reason: record.withdrawnReason,
          withdrawnAt: record.withdrawnAt ?? record.updatedAt,
        }
      : { kind: 'missing' };
  }
  if (!isPubliclyVisible(record, now)) return { kind: 'missing' };
  return { kind: 'found', ...(await buildView(repos, section, record, now)) };
}

/**
 * A publication as its page would show it, for preview links only: any status but withdrawn.
 * Withdrawal and the trash end every preview, as they end public reading.
 */
export async function loadPublicationPreview(
  repos: PublicationPageRepos,
  id: number,
  now: Date,
): Promise<PublicationView | null> {
  const record = await repos.publications.findById(id);
  if (!record || record.deletedAt || record.status === 'withdrawn') return null;
  const section = await repos.sections.findById(record.sectionId);
  return section ? (await buildView(repos, section, record, now)).view : null;
}

async function buildView(
  repos: PublicationPageRepos,
  section: Section,
  record: PublicationRecord,
  now: Date,
): Promise<{ view: PublicationView; people: Person[] }> {
  const [attachments, topics, places] = await Promise.all([
    repos.files.attachmentsOf([record.id]),
    repos.topics.findByIds(record.topicIds),
    repos.places.findByIds(record.placeIds),
  ]);
  // The record already holds its contributions, and the section and files are in hand.
  const {
    entries: [entry],
    people,
  } = await loadEntriesAndPeople(repos, [record], {
    contributions: new Map([[record.id, record.contributions]]),
    sections: [section],
    attachments,
  });
  // Only the places' parents are named beside them ("Jongo-ri, Hamgyŏng-bukto").
  const parents = await repos.places.findByIds(
    places.flatMap((p) => (p.parentId === null ? [] : [p.parentId])),
  );
  if (!entry) throw new Error('a visible publication has no entry');
  const series = record.seriesId ? await seriesNavigation(repos, record, now) : null;
  const view: PublicationView = {
    ...entry,
    bodyHtml: record.bodyHtml,
    disclaimer: record.disclaimer ?? section.disclaimer,
    disclaimerKo: record.disclaimer ? null : section.disclaimerKo,
    keywords: record.keywords,
    topics: record.topicIds
      .map((id) => topics.find((t) => t.id === id))
      .filter((t) => t !== undefined),
    places: record.placeIds
      .map((id) => places.find((p) => p.id === id))
      .filter((p) => p !== undefined)
      .map((p) => ({
        ...p,
        label: placeLabel(p, parents, 'en'),
        labelKo: placeLabel(p, parents, 'ko'),
      })),
    // The main PDF's view from the entry carries its cover.
    files: attachments.map((a) => {
      const file = fileView(section, record, a);
      return entry.mainPdf?.path === file.path ? entry.mainPdf : file;
    }),
    series,
    translations: await translationLinks(repos, record, now),
    scenes: await publicScenesOf(repos, record.id, now),
    updatedAt: record.updatedAt,
    versions: (await repos.proofs.listFor(record.id)).map((p) => ({
      version: p.version,
      stampedAt: p.stampedAt,
    })),
  };
  return { view, people };
}

/** The same piece in other languages, as far as the public may see them now. */
export async function translationLinks(
  repos: Pick<ReadingRepos, 'catalog' | 'sections'>,
  record: Pick<PublicationRecord, 'id' | 'translationGroup'>,
  now: Date,
): Promise<PublicationView['translations']> {
  if (!record.translationGroup) return [];
  const others = (await repos.catalog.translations(record.translationGroup, now)).filter(
    (t) => t.id !== record.id,
  );
  if (others.length === 0) return [];
  const sections = await repos.sections.list();
  return others.flatMap((t) => {
    const section = sections.find((s) => s.id === t.sectionId);
    return section
      ? [{ language: t.language, title: t.title, path: publicationPath(section, t) }]
      : [];
  });
}

async function seriesNavigation(repos: ReadingRepos, record: PublicationRecord, now: Date) {
  const series = await repos.series.findById(record.seriesId!);
  if (!series) return null;
  const parts = await repos.catalog.series(series.id, now);
  const sections = await repos.sections.list();
  const link = (p: (typeof parts)[number] | undefined) =>
    p
      ? { title: p.title, path: publicationPath(sections.find((s) => s.id === p.sectionId)!, p) }
      : null;
  const index = parts.findIndex((p) => p.id === record.id);
  const position = record.seriesPosition ?? index + 1;
  const numbered = parts.map((p, i) => ({
    position: p.seriesPosition ?? i + 1,
    link: link(p),
    current: p.id === record.id,
  }));
  return {
    series,
    position,
    previous: link(parts[index - 1]),
    next: link(parts[index + 1]),
    parts: withGaps(numbered, position),
  };
}

/** Past this many parts a series' navigator lists its public parts only. */
const MAX_NUMBERED_PARTS = 60;

/**
 * The public parts in order, with the numbers between them that no public part holds: those
 * parts exist but are not public (a draft, an embargo), and the navigator says so without their
 * titles. Parts after the last public one are not known to the public and are not listed.
 */
export function withGaps(parts: SeriesPartView[], currentPosition: number): SeriesPartView[] {
  const last = Math.max(currentPosition, ...parts.map((p) => p.position));
  if (last > MAX_NUMBERED_PARTS) return parts;
  const out: SeriesPartView[] = [];
  for (let position = 1; position <= last; position++) {
    const here = parts.filter((p) => p.position === position);
    out.push(...(here.length > 0 ? here : [{ position, link: null, current: false }]));
  }
  return out;
}

/**
 * "Kyo-hwa-so No. 12, Jongo-ri": the name in the interface language, then its nearest parent's,
 * for context.
 */
function placeLabel(
  place: { parentId: number | null; names: Place['names'] },
  all: Array<{ id: number; names: Place['names'] }>,
  language: 'en' | 'ko',
): string {
  const name = placeNameIn(place.names, language);
  const parent = all.find((p) => p.id === place.parentId);
  return parent ? `${name}, ${placeNameIn(parent.names, language)}` : name;
}
