import type {
  Attachment,
  Person,
  Publication,
  PublicationRecord,
  Section,
  StoredFile,
} from '../../../core/entities.ts';
import { fileUrlName } from '../../../core/file-name.ts';
import { publicKoreanName } from '../../../core/person-name.ts';
import type {
  ContributorView,
  EntryView,
  FileView,
  VenueView,
} from '../../../core/public-views.ts';
import type { FileDerivative } from '../../../core/repositories/files-repository.ts';
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
  | 'images'
  | 'scenes'
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
      ...new Set(
        publications
          .flatMap((p) => [p.venueId, p.translatedById])
          .filter((v): v is number => v !== null),
      ),
    ]),
  ]);
  const personIds = [
    ...new Set([...contributions.values()].flatMap((list) => list.map((c) => c.personId))),
  ];
  const [people, covers] = await Promise.all([
    repos.people.findByIds(personIds),
    coversOf(repos, attachments),
  ]);
  const entries = publications.map((p): EntryView => {
    const section = sections.find((s) => s.id === p.sectionId)!;
    const contributors: ContributorView[] = (contributions.get(p.id) ?? []).map((c) => {
      const person = people.find((x) => x.id === c.personId);
      return {
        name: person?.name ?? '',
        nameKo: person ? publicKoreanName(person) : null,
        personSlug: person?.slug ?? '',
        role: c.role,
        credit: c.credit,
        affiliation: c.affiliationLabel,
      };
    });
    const files = attachments
      .filter((a) => a.publicationId === p.id)
      .map((a) => fileView(section, p, a, covers.get(a.storedFileId)));
    const venue = venues.find((v) => v.id === p.venueId);
    const translator = venues.find((v) => v.id === p.translatedById);
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
      // A piece never given a date shows the day it was created, which is known to the day.
      publishedPrecision: p.publishedAt ? p.publishedPrecision : 'day',
      revisedAt: p.revisedAt,
      contributors,
      mainPdf: files.find((f) => f.role === 'main-pdf') ?? null,
      venue: venue ? venueView(venue) : null,
      venueStatus: p.venueStatus,
      externalUrl: p.externalUrl,
      excerptOnly: p.excerptOnly,
      reportNumber: p.reportNumber,
      doi: p.doi,
      archiveText: p.archiveText,
      translatedBy: translator ? venueView(translator) : null,
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
  cover?: FileDerivative,
): FileView {
  // The kept name (Unicode, spaces) is for people; the address is its safe form.
  const urlName = fileUrlName(a.fileName);
  const path = `${publicationPath(section, p)}${encodeURIComponent(urlName)}`;
  const coverName = cover ? coverFileName(urlName, cover.mediaType) : null;
  return {
    path,
    cover:
      cover && coverName
        ? {
            path: `${publicationPath(section, p)}${encodeURIComponent(coverName)}`,
            width: cover.width,
            height: cover.height,
          }
        : null,
    fileName: urlName,
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

const COVER_EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/webp': 'webp',
  'image/jpeg': 'jpg',
  'image/avif': 'avif',
};

/**
 * The name a PDF's cover is served under, beside the PDF: "report.pdf" → "report.pdf.cover.png".
 * The cover answers to its PDF's publication, so it is public exactly when the PDF is.
 */
export function coverFileName(pdfFileName: string, mediaType: string): string | null {
  const extension = COVER_EXTENSIONS[mediaType];
  return extension ? `${pdfFileName}.cover.${extension}` : null;
}

/** The first-page thumbnails of the PDFs among these attachments, by stored file id. */
async function coversOf(
  repos: Pick<ReadingRepos, 'files'>,
  attachments: Array<{ storedFileId: number; file: { mediaType: string } }>,
): Promise<Map<number, FileDerivative>> {
  const pdfs = [
    ...new Set(
      attachments.filter((a) => a.file.mediaType === 'application/pdf').map((a) => a.storedFileId),
    ),
  ];
  const found = await Promise.all(
    pdfs.map(async (id) => {
      const thumbnail = (await repos.files.derivativesOf(id)).find(
        (d) => d.purpose === 'thumbnail',
      );
      return thumbnail ? ([id, thumbnail] as const) : null;
    }),
  );
  return new Map(found.filter((x) => x !== null));
}
