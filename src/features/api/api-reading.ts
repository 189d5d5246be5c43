import type { Person, Place, PublicationRecord, Topic } from '../../core/entities.ts';
import { can } from '../../core/permissions.ts';
import { isPubliclyVisible, isTombstone } from '../../core/publication-status.ts';
import type { ApiAudience } from '../../core/repositories/api-catalog-repository.ts';
import type { Repositories } from '../../core/repositories.ts';
import { placesWithPublicWork } from '../reading/index.ts';
import type { AuthenticatedToken } from './api-tokens.ts';

export type { ApiAudience };

export type ApiReadingRepos = Pick<
  Repositories,
  | 'apiCatalog'
  | 'catalog'
  | 'publications'
  | 'sections'
  | 'people'
  | 'organizations'
  | 'topics'
  | 'places'
  | 'series'
  | 'files'
  | 'settings'
  | 'images'
  | 'scenes'
>;

/**
 * Whom a request reads as. Without a token, or with one lacking `read-drafts`, the public rule
 * alone decides. With `read-drafts`, an editor or admin reads every draft; a contributor reads
 * their own, as in the back office.
 */
export function audienceOf(auth: AuthenticatedToken | null): ApiAudience {
  if (!auth?.scopes.has('read-drafts')) return { kind: 'public' };
  const user = { id: auth.user.id, role: auth.user.role };
  if (can(user, 'publication.publish')) return { kind: 'staff' };
  return { kind: 'own-drafts', userId: auth.user.id };
}

export type PublicationRead =
  | { kind: 'found'; record: PublicationRecord }
  | { kind: 'gone'; record: PublicationRecord }
  | { kind: 'missing' };

/**
 * One publication as the audience may see it. What the public may not see answers exactly as
 * a wrong id does; a withdrawn piece the public once saw is 'gone' (a tombstone, 410).
 */
export function readPublication(
  audience: ApiAudience,
  record: PublicationRecord | undefined,
  now: Date,
): PublicationRead {
  if (!record || record.deletedAt) return { kind: 'missing' };
  if (isPubliclyVisible(record, now)) return { kind: 'found', record };
  if (audience.kind === 'staff') return { kind: 'found', record };
  if (audience.kind === 'own-drafts' && record.createdByUserId === audience.userId) {
    return { kind: 'found', record };
  }
  if (isTombstone(record)) return { kind: 'gone', record };
  return { kind: 'missing' };
}

/**
 * The people, topics and places the audience may see. The public sees those with public work,
 * exactly as the public site gives them pages: a source named only in a draft stays unnamed.
 * A staff token sees the whole catalog, as the back office shows it to its user. A contributor's
 * token reads drafts only of its own pieces, so it sees what those name and what public work
 * names, and nothing known only from someone else's draft.
 */
export async function visiblePeople(
  repos: ApiReadingRepos,
  audience: ApiAudience,
  now: Date,
): Promise<Person[]> {
  const all = await repos.people.list();
  if (audience.kind === 'staff') return all;
  const readable = new Set((await repos.catalog.latestChanges('person', now)).keys());
  await addOwn(repos, audience, 'person', readable);
  return all.filter((p) => readable.has(p.id));
}

export async function visibleTopics(
  repos: ApiReadingRepos,
  audience: ApiAudience,
  now: Date,
): Promise<Topic[]> {
  const all = await repos.topics.list();
  if (audience.kind === 'staff') return all;
  const readable = new Set((await repos.catalog.latestChanges('topic', now)).keys());
  await addOwn(repos, audience, 'topic', readable);
  return all.filter((t) => readable.has(t.id));
}

/** A place is shown with public work in it or in a place inside it, as on the public site. */
export async function visiblePlaces(
  repos: ApiReadingRepos,
  audience: ApiAudience,
  now: Date,
): Promise<Place[]> {
  const all = await repos.places.list();
  if (audience.kind === 'staff') return all;
  const readable = new Set((await placesWithPublicWork(repos, all, now)).map((p) => p.id));
  const own = new Set<number>();
  await addOwn(repos, audience, 'place', own);
  // The places that hold the ones the contributor's pieces name, as the public rule counts them.
  const parentOf = new Map(all.map((p) => [p.id, p.parentId]));
  for (const id of own) {
    for (let at: number | null | undefined = id; at != null && !readable.has(at); ) {
      readable.add(at);
      at = parentOf.get(at);
    }
  }
  return all.filter((p) => readable.has(p.id));
}

async function addOwn(
  repos: ApiReadingRepos,
  audience: ApiAudience,
  kind: 'person' | 'topic' | 'place',
  into: Set<number>,
): Promise<void> {
  if (audience.kind !== 'own-drafts') return;
  for (const id of await repos.apiCatalog.linkedToCreator(kind, audience.userId)) into.add(id);
}
