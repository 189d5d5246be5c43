import type { ContributionRole, Credit, PublicationType } from './content-types.ts';
import type { Place, Section, Series, Topic } from './entities.ts';

/** What public pages show, gathered by reading's loaders and rendered by its views. */
export interface ContributorView {
  name: string;
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
  revisedAt: string | null;
  contributors: ContributorView[];
  mainPdf: FileView | null;
  venue: VenueView | null;
  externalUrl: string | null;
  excerptOnly: boolean;
  reportNumber: string | null;
  doi: string | null;
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
  topics: Topic[];
  places: Array<Place & { label: string }>;
  files: FileView[];
  series: {
    series: Series;
    position: number;
    previous: EntryLink | null;
    next: EntryLink | null;
  } | null;
  translations: TranslationView[];
  updatedAt: string;
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

export interface ListingPage<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
}
