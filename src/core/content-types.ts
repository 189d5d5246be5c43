/** Kinds of work the archive holds. `page` is for About, Contact and the like: never listed. */
export const PUBLICATION_TYPES = [
  'article',
  'op-ed',
  'interview',
  'remarks',
  'review',
  'report',
  'book',
  'imagery-report',
  'press-release',
  'testimony',
  'page',
] as const;
export type PublicationType = (typeof PUBLICATION_TYPES)[number];

/** What a person did for a piece. The order of contributions is kept separately. */
export const CONTRIBUTION_ROLES = [
  'author',
  'editor',
  'translator',
  'imagery-analyst',
  'interviewer',
  'interviewee',
  'photographer',
] as const;
export type ContributionRole = (typeof CONTRIBUTION_ROLES)[number];

/** A secondary credit is printed as "with …" after the primary authors. */
export const CREDITS = ['primary', 'secondary'] as const;
export type Credit = (typeof CREDITS)[number];

export const ORGANIZATION_KINDS = ['publisher', 'venue', 'partner', 'event', 'other'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/**
 * Which of a piece's texts the archive wrote rather than its authors: such text is labelled as
 * the archive's wherever it is shown, never left under the byline as the authors' own.
 */
export const ARCHIVE_TEXTS = ['summary', 'body', 'summary-and-body'] as const;
export type ArchiveText = (typeof ARCHIVE_TEXTS)[number];

/** Whether the venue has published the piece or has only announced it ("will appear in"). */
export const VENUE_STATUSES = ['published', 'forthcoming'] as const;
export type VenueStatus = (typeof VENUE_STATUSES)[number];

/**
 * How much of a piece's date its source printed ("12 October 2020", "October 2020", "2020"):
 * the stored instant lies in that span and is shown, marked up and cited only as far as known.
 */
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const PLACE_KINDS = [
  'country',
  'province',
  'city',
  'county',
  'town',
  'village',
  'district',
  'facility',
  'region',
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/**
 * How a place name is written. Korean names in particular are spelled several ways, and every way
 * must reach the same place.
 */
export const NAME_SCHEMES = [
  'hangul',
  'hanja',
  'mccune-reischauer',
  'revised',
  'english',
  'other',
] as const;
export type NameScheme = (typeof NAME_SCHEMES)[number];

export const ATTACHMENT_ROLES = ['main-pdf', 'supplement', 'image', 'cover'] as const;
export type AttachmentRole = (typeof ATTACHMENT_ROLES)[number];

export const USER_ROLES = ['admin', 'editor', 'contributor'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Interface and content languages the archive knows. */
export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];
