import type { ApiCatalogRepository } from './repositories/api-catalog-repository.ts';
import type { ApiTokensRepository } from './repositories/api-tokens-repository.ts';
import type { AuditRepository } from './repositories/audit-repository.ts';
import type { AuthChallengesRepository } from './repositories/auth-challenges-repository.ts';
import type { CapturesRepository } from './repositories/captures-repository.ts';
import type { CatalogRepository } from './repositories/catalog-repository.ts';
import type { CredentialsRepository } from './repositories/credentials-repository.ts';
import type { EditorialNotesRepository } from './repositories/editorial-notes-repository.ts';
import type { FilesRepository } from './repositories/files-repository.ts';
import type { HarvestRepository } from './repositories/harvest-repository.ts';
import type { ImagesRepository } from './repositories/images-repository.ts';
import type { ImportSourcesRepository } from './repositories/import-sources-repository.ts';
import type { JobsRepository } from './repositories/jobs-repository.ts';
import type { OrganizationsRepository } from './repositories/organizations-repository.ts';
import type { PeopleRepository } from './repositories/people-repository.ts';
import type { PlacesRepository } from './repositories/places-repository.ts';
import type { PreviewLinksRepository } from './repositories/preview-links-repository.ts';
import type { ProofsRepository } from './repositories/proofs-repository.ts';
import type { PublicationsRepository } from './repositories/publications-repository.ts';
import type { RedirectsRepository } from './repositories/redirects-repository.ts';
import type { RevisionsRepository } from './repositories/revisions-repository.ts';
import type { ScenesRepository } from './repositories/scenes-repository.ts';
import type { SectionsRepository } from './repositories/sections-repository.ts';
import type { SeriesRepository } from './repositories/series-repository.ts';
import type { SessionsRepository } from './repositories/sessions-repository.ts';
import type { SettingsRepository } from './repositories/settings-repository.ts';
import type { SetupTokensRepository } from './repositories/setup-tokens-repository.ts';
import type { SignInAttemptsRepository } from './repositories/sign-in-attempts-repository.ts';
import type { SignInLimitsRepository } from './repositories/sign-in-limits-repository.ts';
import type { TopicsRepository } from './repositories/topics-repository.ts';
import type { UsersRepository } from './repositories/users-repository.ts';
import type { PublicationRenders } from './stored-pages.ts';

/**
 * Every repository, as the application reads and writes the archive through them. Each is a
 * port declared in core/repositories/ and implemented over Kysely in infra/db/repos/.
 */
export interface Repositories {
  sections: SectionsRepository;
  organizations: OrganizationsRepository;
  people: PeopleRepository;
  topics: TopicsRepository;
  places: PlacesRepository;
  series: SeriesRepository;
  publications: PublicationsRepository;
  files: FilesRepository;
  jobs: JobsRepository;
  revisions: RevisionsRepository;
  settings: SettingsRepository;
  audit: AuditRepository;
  redirects: RedirectsRepository;
  users: UsersRepository;
  catalog: CatalogRepository;
  harvest: HarvestRepository;
  sessions: SessionsRepository;
  credentials: CredentialsRepository;
  signInAttempts: SignInAttemptsRepository;
  signInLimits: SignInLimitsRepository;
  setupTokens: SetupTokensRepository;
  authChallenges: AuthChallengesRepository;
  apiTokens: ApiTokensRepository;
  previewLinks: PreviewLinksRepository;
  editorialNotes: EditorialNotesRepository;
  proofs: ProofsRepository;
  captures: CapturesRepository;
  images: ImagesRepository;
  scenes: ScenesRepository;
  apiCatalog: ApiCatalogRepository;
  importSources: ImportSourcesRepository;
  publicationRenders: PublicationRenders;
}
