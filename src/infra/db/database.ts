import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { NameScheme, UserRole } from '../../core/content-types.ts';
import type {
  Attachment,
  AuditEvent,
  Contribution,
  Organization,
  Person,
  Place,
  Publication,
  Section,
  Series,
  StoredFile,
  Topic,
} from '../../core/entities.ts';
import type { ImageRecord } from '../../core/images.ts';
import type { ApiTokenRow } from '../../core/repositories/api-tokens-repository.ts';
import type { AuthChallenge } from '../../core/repositories/auth-challenges-repository.ts';
import type { SourceCapture } from '../../core/repositories/captures-repository.ts';
import type { PasskeyRow } from '../../core/repositories/credentials-repository.ts';
import type { EditorialNoteRow } from '../../core/repositories/editorial-notes-repository.ts';
import type { FileDerivativeRow } from '../../core/repositories/files-repository.ts';
import type { Job } from '../../core/repositories/jobs-repository.ts';
import type { PreviewLinkRow } from '../../core/repositories/preview-links-repository.ts';
import type { PublicationProof } from '../../core/repositories/proofs-repository.ts';
import type { SessionRow } from '../../core/repositories/sessions-repository.ts';
import type { SignInLimitRow } from '../../core/repositories/sign-in-limits-repository.ts';

/**
 * Table types for Kysely. Columns are snake_case in SQL and camelCase here (CamelCasePlugin).
 * Instants are ISO-8601 UTC strings and flags are 0/1 integers on both databases, so that a row
 * moved between SQLite and PostgreSQL stays byte-for-byte the same.
 */
type Id = Generated<number>;
type Flag = 0 | 1;
/** JSON kept as text: both databases store and return it unchanged. */
type JsonText = string;

export interface SettingTable {
  key: string;
  value: JsonText;
  updatedAt: string;
}

export interface SectionTable extends Omit<Section, 'id'> {
  id: Id;
}

export interface OrganizationTable extends Omit<Organization, 'id'> {
  id: Id;
  createdAt: string;
  updatedAt: string;
}

/** A person's own row; their roles are rows of `personRoles`. */
export interface PersonTable extends Omit<Person, 'id' | 'roles'> {
  id: Id;
  createdAt: string;
}

export interface PersonRoleTable {
  id: Id;
  personId: number;
  title: string;
  organizationId: number | null;
  startsOn: string | null;
  endsOn: string | null;
  position: number;
}

export interface TopicTable extends Omit<Topic, 'id'> {
  id: Id;
  createdAt: string;
  updatedAt: string;
}

/** A place's own row; its names are rows of `placeNames`. */
export interface PlaceTable extends Omit<Place, 'id' | 'names' | 'footprint'> {
  id: Id;
  /** GeoJSON text (core/geojson.ts). */
  footprint: string | null;
  createdAt: string;
}

export interface PlaceNameTable {
  id: Id;
  placeId: number;
  name: string;
  language: string;
  scheme: NameScheme;
  preferred: Flag;
  position: number;
}

export interface SeriesTable extends Omit<Series, 'id'> {
  id: Id;
  createdAt: string;
  updatedAt: string;
}

/**
 * A publication's own row. `bodyHtml` is the body rendered once at save time, so that no request
 * pays for Markdown; `publicFrom` is the first moment the public could see it (null if it never
 * went out, kept by saves) and `publicUntil` when a write last took it out of public view;
 * `needsAttention` is set when an editor must look at the record (a gap in an imported page).
 */
export interface PublicationTable
  extends Omit<Publication, 'id' | 'excerptOnly' | 'createdByUserId'> {
  id: Id;
  excerptOnly: Flag;
  createdByUserId: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ContributionTable extends Contribution {
  id: Id;
  publicationId: number;
}

export interface PublicationTopicTable {
  publicationId: number;
  topicId: number;
  position: number;
}

export interface PublicationPlaceTable {
  publicationId: number;
  placeId: number;
  position: number;
}

export interface StoredFileTable extends Omit<StoredFile, 'id' | 'metadata'> {
  id: Id;
  metadata: JsonText | null;
}

export interface AttachmentTable extends Omit<Attachment, 'id'> {
  id: Id;
  createdAt: string;
}

export interface PdfPageTable {
  storedFileId: number;
  pageNumber: number;
  text: string;
}

export interface RevisionTable {
  id: Id;
  publicationId: number;
  version: number;
  snapshot: JsonText;
  authorUserId: number | null;
  createdAt: string;
}

export interface UserTable {
  id: Id;
  email: string;
  displayName: string;
  role: UserRole;
  passwordHash: string | null;
  disabled: Flag;
  createdAt: string;
  updatedAt: string;
  totpSecret: ColumnType<string | null, string | null | undefined, string | null>;
  totpConfirmedAt: ColumnType<string | null, string | null | undefined, string | null>;
  totpLastStep: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A signed-in browser. The cookie holds a random token; only its hash is stored. */
export type SessionTable = SessionRow;

export interface PasskeyTable extends Omit<PasskeyRow, 'id'> {
  id: Id;
}

export interface RecoveryCodeTable {
  id: Id;
  userId: number;
  codeHash: string;
  createdAt: string;
  usedAt: string | null;
}

export interface SetupTokenTable {
  tokenHash: string;
  userId: number;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export type AuthChallengeTable = AuthChallenge;

export interface SignInAttemptTable {
  id: Id;
  at: string;
  email: string | null;
  ip: string | null;
  succeeded: Flag;
}

/** A counter of failed sign-ins for one account or address; see SignInLimitsRepo. */
export type SignInLimitTable = SignInLimitRow;

/** Append-only: rows are inserted, never updated or deleted. */
export interface AuditEventTable extends Omit<AuditEvent, 'id' | 'detail'> {
  id: Id;
  detail: JsonText | null;
}

export interface JobTable extends Omit<Job, 'id'> {
  id: Id;
}

/** A file made from another: a thumbnail or a resized copy (migration 0004). */
export interface FileDerivativeTable extends Omit<FileDerivativeRow, 'id'> {
  id: Id;
}

export interface RedirectTable {
  id: Id;
  fromPath: string;
  toPath: string;
  statusCode: ColumnType<number, number | undefined, number>;
  createdAt: string;
}

/** What the search index holds for a publication; the full-text data itself is dialect-specific. */
export interface SearchDocTable {
  publicationId: number;
  contentHash: string;
  indexedAt: string;
}

/** One indexed PDF page; `id` packs the stored file and page number (see search-index.ts). */
export interface SearchPageTable {
  id: number;
  storedFileId: number;
  pageNumber: number;
  contentHash: string;
}

/** The people, topics and places a publication is counted under in search facets. */
export interface SearchDocFacetTable {
  publicationId: number;
  facet: 'person' | 'topic' | 'place';
  valueId: number;
}

/** Indexed words, the candidates for spelling suggestions. */
export interface SearchTermTable {
  term: string;
}

/** A publication's page parts rendered ahead of time (migration 0080). */
export interface PublicationRenderTable {
  publicationId: number;
  locale: string;
  renderer: string;
  stamp: number;
  siteStamp: number;
  head: string;
  breadcrumbs: string;
  header: string;
  body: string;
  /** Of the four parts (PublicationParts.digest); null in rows stored before it was kept. */
  digest: string | null;
}

/** Moves whenever what a rendered page shows changes: per publication, and 0 for the site. */
export interface RenderStampTable {
  publicationId: number;
  stamp: number;
}

/** Where an imported record came from (migration 0030), so a second import updates it. */
export interface ImportSourceTable {
  id: Generated<number>;
  source: string;
  sourceKey: string;
  entityType: string;
  entityId: number;
  contentHash: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The `api_tokens` table (migration 0040). */
export interface ApiTokenTable extends Omit<ApiTokenRow, 'id'> {
  id: Generated<number>;
}

/** The `images` table (migration 0096): figures, photos, and the record scenes extend. */
export interface ImageTable extends Omit<ImageRecord, 'id' | 'decorative' | 'fallbackType'> {
  id: Id;
  decorative: Flag;
  fallbackType: string;
}

/** The `scenes` table (migration 0103): a satellite scene's facts, keyed by its image. */
export interface SceneTable {
  imageId: number;
  sensor: string | null;
  provider: string | null;
  licence: string | null;
  illustrative: Flag;
  /** GeoJSON, WGS 84. */
  footprint: string | null;
  footprintCrs: string | null;
  /** JSON: the tile geometry of info.json. */
  tiles: string | null;
  downloadSha256: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ScenePlaceTable {
  imageId: number;
  placeId: number;
  position: number;
}

export interface SceneAnnotationTable {
  id: Id;
  imageId: number;
  number: number;
  shape: string;
  /** JSON: [[x, y], …] in full-resolution pixels. */
  points: string;
  label: string | null;
  labelKo: string | null;
  note: string | null;
  noteKo: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The `preview_links` table (migration 0095). */
export interface PreviewLinkTable extends Omit<PreviewLinkRow, 'id'> {
  id: Generated<number>;
}

/** The `editorial_notes` table (migration 0104). */
export interface EditorialNoteTable extends Omit<EditorialNoteRow, 'id'> {
  id: Generated<number>;
}

/** The `cited_sources` and `source_captures` tables (migration 0106). */
export interface CitedSourceTable {
  publicationId: number;
  url: string;
  position: number;
}

export interface SourceCaptureTable extends Omit<SourceCapture, 'id'> {
  id: Generated<number>;
}

/** The `publication_proofs` table (migration 0105). */
export interface PublicationProofTable extends Omit<PublicationProof, 'id'> {
  id: Generated<number>;
}

export interface Database {
  settings: SettingTable;
  sections: SectionTable;
  organizations: OrganizationTable;
  people: PersonTable;
  personRoles: PersonRoleTable;
  topics: TopicTable;
  places: PlaceTable;
  placeNames: PlaceNameTable;
  series: SeriesTable;
  publications: PublicationTable;
  contributions: ContributionTable;
  publicationTopics: PublicationTopicTable;
  publicationPlaces: PublicationPlaceTable;
  storedFiles: StoredFileTable;
  attachments: AttachmentTable;
  pdfPages: PdfPageTable;
  revisions: RevisionTable;
  users: UserTable;
  auditEvents: AuditEventTable;
  jobs: JobTable;
  fileDerivatives: FileDerivativeTable;
  redirects: RedirectTable;
  searchDocs: SearchDocTable;
  searchPages: SearchPageTable;
  searchDocFacets: SearchDocFacetTable;
  searchTerms: SearchTermTable;
  sessions: SessionTable;
  passkeys: PasskeyTable;
  recoveryCodes: RecoveryCodeTable;
  setupTokens: SetupTokenTable;
  authChallenges: AuthChallengeTable;
  signInAttempts: SignInAttemptTable;
  signInLimits: SignInLimitTable;
  importSources: ImportSourceTable;
  publicationRenders: PublicationRenderTable;
  renderStamps: RenderStampTable;
  apiTokens: ApiTokenTable;
  previewLinks: PreviewLinkTable;
  images: ImageTable;
  scenes: SceneTable;
  scenePlaces: ScenePlaceTable;
  sceneAnnotations: SceneAnnotationTable;
  editorialNotes: EditorialNoteTable;
  publicationProofs: PublicationProofTable;
  citedSources: CitedSourceTable;
  sourceCaptures: SourceCaptureTable;
}

export type PublicationRow = Selectable<PublicationTable>;
export type NewPublicationRow = Insertable<PublicationTable>;
export type PublicationUpdate = Updateable<PublicationTable>;
