import type {
  ArchiveText,
  ContributionRole,
  Credit,
  NameScheme,
  OrganizationKind,
  PlaceKind,
  PublicationType,
  VenueStatus,
} from '../../core/content-types.ts';

/**
 * The shape of the demo archive's data: plain facts, linked by slugs and keys, that the demo
 * loader turns into records through the same services an editor uses.
 */
export interface DemoArchive {
  site: {
    name: string;
    nameKo: string;
    tagline: string;
    taglineKo: string;
  };
  organizations: Array<{
    slug: string;
    name: string;
    nameKo?: string;
    kind: OrganizationKind;
    url?: string;
  }>;
  sections: Array<{
    slug: string;
    title: string;
    titleKo?: string;
    description?: string;
    descriptionKo?: string;
    disclaimer?: string;
    disclaimerKo?: string;
    /** Worded for a list of the section's pieces ("these articles … the authors"). */
    listDisclaimer?: string;
    listDisclaimerKo?: string;
  }>;
  people: Array<{
    slug: string;
    name: string;
    sortName: string;
    nameKo?: string;
    bio?: string;
    /** The archive's Korean translation of its own bio, saying nothing the English does not. */
    bioKo?: string;
    roles: Array<{ title: string; organization?: string; startsOn?: string; endsOn?: string }>;
  }>;
  topics: Array<{ slug: string; name: string; nameKo?: string }>;
  places: Array<{
    slug: string;
    kind: PlaceKind;
    /** Slug of the place this one lies in. */
    parent?: string;
    latitude?: number;
    longitude?: number;
    /** Required with coordinates: the public source they come from. */
    coordinatesSource?: string;
    /** Required with a parent the source page does not give: the public source of it. */
    parentSource?: string;
    names: Array<{ name: string; language: string; scheme: NameScheme; preferred?: boolean }>;
  }>;
  /** With the public source that names the series' parts and their order. */
  series: Array<{ slug: string; title: string; titleKo?: string; source?: string }>;
  publications: DemoPublication[];
}

/**
 * A satellite scene the archive draws itself to show how imagery is presented: never imagery
 * from a report. It is marked illustrative (every view says so) and carries the words in the
 * picture too, so a copy taken out of the page still says what it is. Placed at the end of the
 * body, in order.
 */
export interface DemoScene {
  drawing: 'flood-before' | 'flood-after' | 'camp';
  alt: string;
  altKo: string;
  caption: string;
  captionKo: string;
  /** Slugs of the places it shows. */
  places: string[];
  annotations: Array<{
    points: string;
    label: string;
    labelKo: string;
    note?: string;
    noteKo?: string;
  }>;
}

/**
 * A figure the archive draws itself (a locator map of a place it records coordinates for),
 * placed after the body's first paragraph. Its words say what it is and who drew it.
 */
export interface DemoFigure {
  /** Slug of the place marked; its recorded coordinates are drawn. */
  place: string;
  alt: string;
  altKo?: string;
  caption: string;
  captionKo?: string;
  credit: string;
  source: string;
}

export interface DemoPublication {
  section: string;
  slug: string;
  type: PublicationType;
  title: string;
  subtitle?: string;
  summary?: string;
  /** Markdown, with footnotes as [^1] … [^1]: reference. */
  body?: string;
  language: string;
  translationGroup?: string;
  /** 'draft' keeps a record out of every public surface. */
  status?: 'published' | 'draft';
  /** YYYY-MM-DD as printed on the source page. */
  publishedAt?: string;
  /** Slug of the organization where the piece first appeared. */
  venue?: string;
  /** 'forthcoming' when the source says the piece "will appear" at the venue. */
  venueStatus?: VenueStatus;
  externalUrl?: string;
  excerptOnly?: boolean;
  series?: { slug: string; position: number };
  reportNumber?: string;
  disclaimer?: string;
  /** The author's key words exactly as the source page prints them (topics are the archive's). */
  keywords?: string;
  /** Which texts the archive wrote itself: shown as the archive's, never under the byline. */
  archiveText?: ArchiveText;
  /** Slug of the organization that translated this version. */
  translatedBy?: string;
  figure?: DemoFigure;
  scenes?: DemoScene[];
  /** Why an editor should look at this record (a gap in the source page). */
  needsAttention?: string;
  contributors: Array<{
    person: string;
    role?: ContributionRole;
    credit?: Credit;
    /** The affiliation exactly as printed with the piece. */
    affiliation?: string;
  }>;
  topics?: string[];
  places?: string[];
  /** A PDF generated from this text: one string per page. */
  pdf?: { fileName: string; pages: string[] };
}
