import type {
  Attachment,
  Person,
  Publication,
  PublicationRecord,
  Section,
  StoredFile,
} from '../../../core/entities.ts';
import type {
  ContributorView,
  EntryView,
  FileView,
  VenueView,
} from '../../../core/public-views.ts';
import type { Repositories } from '../../../core/repositories.ts';

export type ReadingRepos = Pick<
  Repositories,
  | 'sections'
  | 'people'
  | 'organizations'
  | 'files'
  | 'publications'
  | 'catalog'
  | 'topics'
  | 'places'
  | 'series'
  | 'settings'
>;

export function publicationPath(
  section: Pick<Section, 'slug'>,
  p: Pick<Publication, 'slug'>,
): string {
  return `/${section.slug}/${p.slug}/`;
}

/** What a caller may already hold for these publications; loadEntries then does not ask again. */
export interface KnownForEntries {
  contributions?: Map<number, PublicationRecord['contributions']>;
  sections?: Section[];
  attachments?: Array<Attachment & { file: StoredFile }>;
}

/**
 * Turns public publications into listing entries: contributors with the affiliation printed at
 * the time, the venue, and the main PDF. Everything is fetched in a few batched queries,
 * whatever the number of entries.
 */
export async function loadEntries(
  repos: ReadingRepos,
  publications: Publication[],
  known: KnownForEntries = {},
): Promise<EntryView[]> {
  return (await loadEntriesAndPeople(repos, publications, known)).entries;
}

/** loadEntries, also giving back the contributors it loaded (with their roles over time). */
export async function loadEntriesAndPeople(
  repos: ReadingRepos,
  publications: Publication[],
  known: KnownForEntries = {},
): Promise<{ entries: EntryView[]; people: Person[] }> {
  if (publications.length === 0) return { entries: [], people: [] };
  const ids = publications.map((p) => p.id);
  const [contributions, sections, attachments, venues] = await Promise.all([
    known.contributions ?? repos.publications.contributionsOf(ids),
    known.sections ?? repos.sections.list(),
    known.attachments ?? repos.files.attachmentsOf(ids),
    repos.organizations.findByIds([
      ...new Set(publications.map((p) => p.venueId).filter((v): v is number => v !== null)),
    ]),
  ]);
  const personIds = [
    ...new Set([...contributions.values()].flatMap((list) => list.map((c) => c.personId))),
  ];
  const people = await repos.people.findByIds(personIds);
  const entries = publications.map((p): EntryView => {
    const section = sections.find((s) => s.id === p.sectionId)!;
    const contributors: ContributorView[] = (contributions.get(p.id) ?? []).map((c) => {
      const person = people.find((x) => x.id === c.personId);
      return {
        name: person?.name ?? '',
        personSlug: person?.slug ?? '',
        role: c.role,
        credit: c.credit,
        affiliation: c.affiliationLabel,
      };
    });
    const files = attachments
      .filter((a) => a.publicationId === p.id)
      .map((a) => fileView(section, p, a));
    const venue = venues.find((v) => v.id === p.venueId);
    return {
      id: p.id,
      path: publicationPath(section, p),
      section,
      slug: p.slug,
      title: p.title,
      subtitle: p.subtitle,
      type: p.type,
      language: p.language,
      summary: p.summary,
      publishedAt: p.publishedAt ?? p.createdAt,
      revisedAt: p.revisedAt,
      contributors,
      mainPdf: files.find((f) => f.role === 'main-pdf') ?? null,
      venue: venue ? venueView(venue) : null,
      externalUrl: p.externalUrl,
      excerptOnly: p.excerptOnly,
      reportNumber: p.reportNumber,
      doi: p.doi,
    };
  });
  return { entries, people };
}

export function fileView(
  section: Pick<Section, 'slug'>,
  p: Pick<Publication, 'slug'>,
  a: {
    fileName: string;
    title: string | null;
    role: string;
    file: { mediaType: string; byteSize: number; pageCount: number | null };
  },
): FileView {
  return {
    path: `${publicationPath(section, p)}${encodeURIComponent(a.fileName)}`,
    fileName: a.fileName,
    title: a.title,
    mediaType: a.file.mediaType,
    byteSize: a.file.byteSize,
    pageCount: a.file.pageCount,
    role: a.role,
  };
}

function venueView(v: {
  name: string;
  nameKo: string | null;
  kind: string;
  url: string | null;
}): VenueView {
  return { name: v.name, nameKo: v.nameKo, kind: v.kind, url: v.url };
}
