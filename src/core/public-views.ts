import type {
  ArchiveText,
  ContributionRole,
  Credit,
  DatePrecision,
  PublicationType,
  VenueStatus,
} from './content-types.ts';
import type { Place, Section, Series, Topic } from './entities.ts';
import type { PublicScene } from './scenes.ts';

/** What public pages show, gathered by reading's loaders and rendered by its views. */
export interface ContributorView {
  name: string;
  /** The person's Korean name, only where its source is recorded (core/person-name.ts). */
  nameKo?: string | null;
  personSlug: string;
  role: ContributionRole;
  credit: Credit;
  /** As printed when the piece appeared ("HRNK Co-Chair"), never today's title. */
  affiliation: string | null;
}

export interface FileView {
  /** The path under the publication's own folder: /{section}/{slug}/{fileName}. */
  path: string;
  fileName: string;
  title: string | null;
  mediaType: string;
  byteSize: number;
  pageCount: number | null;
  role: string;
  /** A PDF's first page as an image (made by the PDF job), served beside it; null until made. */
  cover?: CoverView | null;
}

export interface CoverView {
  path: string;
  width: number;
  height: number;
}

export interface VenueView {
  name: string;
  nameKo: string | null;
  kind: string;
  url: string | null;
}

export interface EntryView {
  id: number;
  path: string;
  section: Section;
  slug: string;
  title: string;
  subtitle: string | null;
  type: PublicationType;
  language: string;
  summary: string | null;
  publishedAt: string;
  /** How much of `publishedAt` is known: shown, marked up and cited no further than that. */
  publishedPrecision: DatePrecision;
  revisedAt: string | null;
  contributors: ContributorView[];
  mainPdf: FileView | null;
  venue: VenueView | null;
  /** 'forthcoming': the venue had only announced the piece ("will appear in"). */
  venueStatus: VenueStatus;
  externalUrl: string | null;
  excerptOnly: boolean;
  reportNumber: string | null;
  doi: string | null;
  /** Which texts the archive wrote: shown labelled as the archive's, never as the authors'. */
  archiveText: ArchiveText | null;
  /** The organization that made this version, when it is a translation. */
  translatedBy: VenueView | null;
}

export interface TranslationView {
  language: string;
  title: string;
  path: string;
}

export interface PublicationView extends EntryView {
  bodyHtml: string;
  /** The piece's own disclaimer, else its section's, in English and (where given) Korean. */
  disclaimer: string | null;
  disclaimerKo: string | null;
  /** The authors' key words exactly as printed, apart from the archive's topics. */
  keywords: string | null;
  topics: Topic[];
  /** "Kyo-hwa-so No. 12, Jongo-ri", and in Hangul where the gazetteer has it: "제12호 교화소, 전거리". */
  places: Array<Place & { label: string; labelKo: string }>;
  files: FileView[];
  series: {
    series: Series;
    position: number;
    previous: EntryLink | null;
    next: EntryLink | null;
    /** Every part up to the last public one, in order: a part not public is only a number. */
    parts?: SeriesPartView[];
  } | null;
  translations: TranslationView[];
  /** The satellite scenes its body shows that the public may see, by capture date. */
  scenes: PublicScene[];
  updatedAt: string;
  /** Its timestamped versions, oldest first: each record and its proof can be downloaded. */
  versions?: VersionView[];
}

/** One timestamped version of a piece's public record (core/timestamps.ts). */
export interface VersionView {
  version: number;
  /** When the time-stamping authority saw it. */
  stampedAt: string;
}

/** What a publication's page shows of other publications, which may come and go with time. */
export type PublicationNeighbours = Pick<PublicationView, 'series' | 'translations'>;

/**
 * A publication's page as HTML parts: everything but the frame (site header, menu, footer) and
 * its neighbours. Only the publication's own data, its site and the renderer shape them, so
 * they can be rendered once and stored (src/features/reading/loaders/stored-page.ts).
 */
export interface PublicationParts {
  /** Tags for <head> after the title and style sheet: canonical, social, citation, JSON-LD. */
  head: string;
  breadcrumbs: string;
  /** The article's <header>: type, title, byline, dates, venue. */
  header: string;
  /** The rest of the article: summary, text, files, key words, citation, disclaimer. */
  body: string;
  /** A digest of the four parts, from which the page's ETag is made (src/ui/pages/layout.tsx). */
  digest: string;
}

export interface EntryLink {
  title: string;
  path: string;
}

/** A part of a series as its navigator shows it: a link when public, else its number alone. */
export interface SeriesPartView {
  position: number;
  link: EntryLink | null;
  current: boolean;
}

export interface ListingPage<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
}
