import type { Transactor } from '../../core/ports.ts';
import type { Repositories } from '../../core/repositories.ts';
import type { Db } from './connect.ts';
import { transactor } from './executor.ts';
import { ApiCatalogRepo } from './repos/api-catalog.repo.ts';
import { ApiTokensRepo } from './repos/api-tokens.repo.ts';
import { AuditRepo } from './repos/audit.repo.ts';
import { AuthChallengesRepo } from './repos/auth-challenges.repo.ts';
import { CapturesRepo } from './repos/captures.repo.ts';
import { CatalogRepo } from './repos/catalog.repo.ts';
import { CredentialsRepo } from './repos/credentials.repo.ts';
import { EditorialNotesRepo } from './repos/editorial-notes.repo.ts';
import { FilesRepo } from './repos/files.repo.ts';
import { HarvestRepo } from './repos/harvest.repo.ts';
import { ImagesRepo } from './repos/images.repo.ts';
import { ImportSourcesRepo } from './repos/import-sources.repo.ts';
import { JobsRepo } from './repos/jobs.repo.ts';
import { OrganizationsRepo } from './repos/organizations.repo.ts';
import { PeopleRepo } from './repos/people.repo.ts';
import { PlacesRepo } from './repos/places.repo.ts';
import { PreviewLinksRepo } from './repos/preview-links.repo.ts';
import { ProofsRepo } from './repos/proofs.repo.ts';
import { PublicationRendersRepo } from './repos/publication-renders.repo.ts';
import { PublicationsRepo } from './repos/publications.repo.ts';
import { RedirectsRepo } from './repos/redirects.repo.ts';
import { RevisionsRepo } from './repos/revisions.repo.ts';
import { ScenesRepo } from './repos/scenes.repo.ts';
import { SectionsRepo } from './repos/sections.repo.ts';
import { SeriesRepo } from './repos/series.repo.ts';
import { SessionsRepo } from './repos/sessions.repo.ts';
import { SettingsRepo } from './repos/settings.repo.ts';
import { SetupTokensRepo } from './repos/setup-tokens.repo.ts';
import { SignInAttemptsRepo } from './repos/sign-in-attempts.repo.ts';
import { SignInLimitsRepo } from './repos/sign-in-limits.repo.ts';
import { TopicsRepo } from './repos/topics.repo.ts';
import { UsersRepo } from './repos/users.repo.ts';

export function createRepositories(db: Db): Repositories & { transactor: Transactor } {
  const k = db.kysely;
  return {
    transactor: transactor(k),
    sections: new SectionsRepo(k),
    organizations: new OrganizationsRepo(k),
    people: new PeopleRepo(k),
    topics: new TopicsRepo(k),
    places: new PlacesRepo(k),
    series: new SeriesRepo(k),
    publications: new PublicationsRepo(k),
    files: new FilesRepo(k),
    jobs: new JobsRepo(k),
    revisions: new RevisionsRepo(k),
    settings: new SettingsRepo(k),
    audit: new AuditRepo(k),
    redirects: new RedirectsRepo(k),
    users: new UsersRepo(k),
    catalog: new CatalogRepo(k),
    harvest: new HarvestRepo(k),
    sessions: new SessionsRepo(k),
    credentials: new CredentialsRepo(k),
    signInAttempts: new SignInAttemptsRepo(k),
    signInLimits: new SignInLimitsRepo(k),
    setupTokens: new SetupTokensRepo(k),
    authChallenges: new AuthChallengesRepo(k),
    apiTokens: new ApiTokensRepo(k),
    previewLinks: new PreviewLinksRepo(k),
    editorialNotes: new EditorialNotesRepo(k),
    proofs: new ProofsRepo(k),
    captures: new CapturesRepo(k),
    images: new ImagesRepo(k),
    scenes: new ScenesRepo(k),
    apiCatalog: new ApiCatalogRepo(k),
    importSources: new ImportSourcesRepo(k),
    publicationRenders: new PublicationRendersRepo(k, db.dialect),
  };
}
