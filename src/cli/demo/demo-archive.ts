import type {
  ContributionRole,
  Credit,
  NameScheme,
  OrganizationKind,
  PlaceKind,
  PublicationType,
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
  }>;
  people: Array<{
    slug: string;
    name: string;
    sortName: string;
    nameKo?: string;
    bio?: string;
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
    names: Array<{ name: string; language: string; scheme: NameScheme; preferred?: boolean }>;
  }>;
  series: Array<{ slug: string; title: string; titleKo?: string }>;
  publications: DemoPublication[];
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
  externalUrl?: string;
  excerptOnly?: boolean;
  series?: { slug: string; position: number };
  reportNumber?: string;
  disclaimer?: string;
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
