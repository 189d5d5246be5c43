import type { Organization, Person } from '../../core/entities.ts';
import type { ReadingRepos } from '../reading/index.ts';

/**
 * What every scholarly format needs besides the publication itself: the public URL, the site's
 * name, the publisher, and the people and organizations that resolve a printed affiliation
 * ("HRNK Co-Chair") to the institution behind it. Loaded once per request.
 */
export interface ScholarlyContext {
  publicUrl: string;
  siteName: string;
  siteNameKo: string | null;
  publisher: { name: string; url: string | null };
  people: Map<string, Person>;
  organizations: Map<number, Organization>;
  syndication: SyndicationSettings;
}

/**
 * Site settings for feeds and OAI-PMH, under the settings key "syndication". Feeds carry the
 * full text by default; "summary" keeps them to summaries. The OAI-PMH Identify answer must name
 * an administrator's address; without one configured it says webmaster@ the public host.
 */
export interface SyndicationSettings {
  feedContent: 'full' | 'summary';
  feedItems: number;
  adminEmail: string | null;
}

export const SYNDICATION_KEY = 'syndication';

export async function loadScholarlyContext(
  repos: Pick<ReadingRepos, 'settings' | 'people' | 'organizations'>,
  publicUrl: string,
  /**
   * The people the citations will name, already loaded with their roles (a publication page has
   * them); every person is loaded when not given (feeds, OAI-PMH).
   */
  onlyPeople?: readonly Person[],
): Promise<ScholarlyContext> {
  const [site, stored, people, organizations] = await Promise.all([
    repos.settings.get<{ name?: string; nameKo?: string }>('site'),
    repos.settings.get<Partial<SyndicationSettings>>(SYNDICATION_KEY),
    onlyPeople ?? repos.people.list(),
    repos.organizations.list(),
  ]);
  const siteName = site?.name ?? 'Dossier';
  const publisherOrg = organizations.find((o) => o.kind === 'publisher');
  return {
    publicUrl,
    siteName,
    siteNameKo: site?.nameKo ?? null,
    publisher: publisherOrg
      ? { name: publisherOrg.name, url: publisherOrg.url }
      : { name: siteName, url: publicUrl },
    people: new Map(people.map((p) => [p.slug, p])),
    organizations: new Map(organizations.map((o) => [o.id, o])),
    syndication: {
      feedContent: stored?.feedContent === 'summary' ? 'summary' : 'full',
      feedItems: clampItems(stored?.feedItems),
      adminEmail:
        typeof stored?.adminEmail === 'string' && stored.adminEmail.includes('@')
          ? stored.adminEmail
          : null,
    },
  };
}

function clampItems(n: unknown): number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 500 ? n : 50;
}
