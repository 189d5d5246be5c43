import type {
  ArchiveText,
  AttachmentRole,
  ContributionRole,
  Credit,
  DatePrecision,
  NameScheme,
  OrganizationKind,
  PlaceKind,
  PublicationType,
  UserRole,
  VenueStatus,
} from './content-types.ts';
import type { Outline } from './geojson.ts';
import type { PublicationStatus } from './publication-status.ts';

/** Records as the rest of the application sees them. Instants are ISO-8601 UTC strings. */
export interface Section {
  id: number;
  slug: string;
  title: string;
  titleKo: string | null;
  description: string | null;
  descriptionKo: string | null;
  disclaimer: string | null;
  disclaimerKo: string | null;
  /** Printed once under a list of the section's pieces ("these articles … the authors"). */
  listDisclaimer: string | null;
  listDisclaimerKo: string | null;
  position: number;
  createdAt: string;
  updatedAt: string;
}

export interface Organization {
  id: number;
  slug: string;
  name: string;
  nameKo: string | null;
  kind: OrganizationKind;
  url: string | null;
}

export interface PersonRole {
  title: string;
  organizationId: number | null;
  startsOn: string | null;
  endsOn: string | null;
}

export interface Person {
  id: number;
  slug: string;
  name: string;
  sortName: string;
  nameKo: string | null;
  /** Where the Korean name is published: without one, the public site does not show it. */
  nameKoSource: string | null;
  bio: string | null;
  bioKo: string | null;
  orcid: string | null;
  roles: PersonRole[];
  updatedAt: string;
}

export interface Topic {
  id: number;
  slug: string;
  name: string;
  nameKo: string | null;
}

export interface PlaceName {
  name: string;
  language: string;
  scheme: NameScheme;
  preferred: boolean;
}

export interface Place {
  id: number;
  slug: string;
  kind: PlaceKind;
  parentId: number | null;
  latitude: number | null;
  longitude: number | null;
  coordinatesSource: string | null;
  /** The public source that puts this place inside its parent. */
  parentSource: string | null;
  /** The place's outline in WGS 84, exterior rings counterclockwise (RFC 7946). */
  footprint: Outline | null;
  /** The public source of the outline: a report, a gazetteer, a scene's footprint. */
  footprintSource: string | null;
  names: PlaceName[];
  updatedAt: string;
}

export interface Series {
  id: number;
  slug: string;
  title: string;
  titleKo: string | null;
  /** The public source for the series' parts and their order. */
  source: string | null;
}

export interface Contribution {
  personId: number;
  role: ContributionRole;
  credit: Credit;
  affiliationLabel: string | null;
  position: number;
}

export interface Publication {
  id: number;
  sectionId: number;
  slug: string;
  type: PublicationType;
  title: string;
  subtitle: string | null;
  summary: string | null;
  body: string;
  bodyHtml: string;
  language: string;
  translationGroup: string | null;
  status: PublicationStatus;
  publishedAt: string | null;
  /** How much of `publishedAt` the source printed; below that it is not known, never shown. */
  publishedPrecision: DatePrecision;
  revisedAt: string | null;
  scheduledAt: string | null;
  embargoUntil: string | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  /** The recorded public life (see `PublicRecord`): the only source of tombstones. */
  publicFrom: string | null;
  publicUntil: string | null;
  venueId: number | null;
  /** 'forthcoming' when the venue has only announced the piece ("will appear in"). */
  venueStatus: VenueStatus;
  externalUrl: string | null;
  excerptOnly: boolean;
  seriesId: number | null;
  seriesPosition: number | null;
  reportNumber: string | null;
  doi: string | null;
  disclaimer: string | null;
  /** The authors' own key words exactly as printed with the piece (topics are the archive's). */
  keywords: string | null;
  /** Which texts the archive wrote, labelled as its own wherever they are shown. */
  archiveText: ArchiveText | null;
  /** The organization that translated this version, when the piece is a translation. */
  translatedById: number | null;
  needsAttention: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  /** Who created the record; contributors may edit only their own drafts. */
  createdByUserId: number | null;
}

/** A publication with everything linked to it, in order. */
export interface PublicationRecord extends Publication {
  contributions: Contribution[];
  topicIds: number[];
  placeIds: number[];
}

export interface StoredFile {
  id: number;
  sha256: string;
  byteSize: number;
  mediaType: string;
  pageCount: number | null;
  extractionStatus: 'none' | 'queued' | 'extracting' | 'done' | 'failed';
  extractionError: string | null;
  metadata: Record<string, unknown> | null;
  createdAt: string;
}

export interface Attachment {
  id: number;
  publicationId: number;
  storedFileId: number;
  role: AttachmentRole;
  fileName: string;
  title: string | null;
  altText: string | null;
  caption: string | null;
  credit: string | null;
  position: number;
}

export interface User {
  id: number;
  email: string;
  displayName: string;
  role: UserRole;
  disabled: boolean;
}

export interface AuditEvent {
  id: number;
  at: string;
  actorUserId: number | null;
  actorLabel: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
}

export interface Redirect {
  id: number;
  fromPath: string;
  toPath: string;
  statusCode: number;
}
