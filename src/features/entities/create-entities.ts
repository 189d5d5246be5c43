import type { Actor } from '../../core/actor.ts';
import type { AuditTrail } from '../../core/audit-trail.ts';
import type { Organization, Person, Place, Section, Series, Topic } from '../../core/entities.ts';
import { ValidationError } from '../../core/errors.ts';
import type { Clock, Transactor, Tx } from '../../core/ports.ts';
import type { Repositories } from '../../core/repositories.ts';
import {
  type OrganizationInput,
  organizationInput,
  type PersonInput,
  type PlaceInput,
  personInput,
  placeInput,
  type SectionInput,
  type SeriesInput,
  sectionInput,
  seriesInput,
  type TopicInput,
  topicInput,
} from '../../core/schemas.ts';
import { validate } from '../../core/validate.ts';

/**
 * Creating the things publications link to: sections, people, organizations, topics, places and
 * series. Each write is validated by the model's schema and recorded in the audit trail.
 */
export interface EntityDeps {
  repos: Pick<
    Repositories,
    'sections' | 'people' | 'organizations' | 'topics' | 'places' | 'series' | 'audit'
  >;
  transactor: Transactor;
  clock: Clock;
  audit: AuditTrail;
}

/** Runs a catalog write and its audit entry (`<subject>.<verb>`) in one transaction. */
export async function audited<T extends { id: number }>(
  deps: Pick<EntityDeps, 'repos' | 'transactor' | 'clock' | 'audit'>,
  actor: Actor,
  subjectType: string,
  write: (tx: Tx, at: string) => Promise<T>,
  verb: 'create' | 'update' = 'create',
): Promise<T> {
  const at = deps.clock.now().toISOString();
  return deps.transactor.transaction(async (tx) => {
    const created = await write(tx, at);
    await deps.audit.record(
      actor,
      `${subjectType}.${verb}`,
      { type: subjectType, id: created.id },
      null,
      tx,
    );
    return created;
  });
}

export function slugTaken(): never {
  throw new ValidationError('slug: This slug is already taken', [
    { path: 'slug', message: 'This slug is already taken' },
  ]);
}

function invalid(path: string, message: string): never {
  throw new ValidationError(`${path}: ${message}`, [{ path, message }]);
}

/**
 * A place's parent must exist and must not lie inside the place itself (or be it): the places
 * form a tree, which the public pages and search walk downwards.
 */
export async function checkPlaceParent(
  deps: Pick<EntityDeps, 'repos'>,
  placeId: number | null,
  parentId: number | null,
  tx: Tx,
): Promise<void> {
  if (parentId === null) return;
  if (!(await deps.repos.places.findById(parentId, tx))) invalid('parentId', 'No such place');
  if (placeId !== null && (await deps.repos.places.descendantIds(placeId, tx)).includes(parentId)) {
    invalid('parentId', 'A place cannot lie inside itself');
  }
}

/** Every organization a person's roles name must exist. */
export async function checkRoleOrganizations(
  deps: Pick<EntityDeps, 'repos'>,
  roles: ReadonlyArray<{ organizationId: number | null }>,
  tx: Tx,
): Promise<void> {
  const ids = [...new Set(roles.map((r) => r.organizationId).filter((id) => id !== null))];
  const found = await deps.repos.organizations.findByIds(ids, tx);
  roles.forEach((r, i) => {
    if (r.organizationId !== null && !found.some((o) => o.id === r.organizationId)) {
      invalid(`roles.${i}.organizationId`, 'No such organization');
    }
  });
}

export async function createSection(
  deps: EntityDeps,
  input: SectionInput,
  actor: Actor,
): Promise<Section> {
  const data = validate(sectionInput, input);
  return audited(deps, actor, 'section', async (tx, at) => {
    if (await deps.repos.sections.findBySlug(data.slug, tx)) slugTaken();
    return deps.repos.sections.insert({ ...data, createdAt: at, updatedAt: at }, tx);
  });
}

export async function createOrganization(
  deps: EntityDeps,
  input: OrganizationInput,
  actor: Actor,
): Promise<Organization> {
  const data = validate(organizationInput, input);
  return audited(deps, actor, 'organization', async (tx, at) => {
    if (await deps.repos.organizations.findBySlug(data.slug, tx)) slugTaken();
    return deps.repos.organizations.insert(data, at, tx);
  });
}

export async function createPerson(
  deps: EntityDeps,
  input: PersonInput,
  actor: Actor,
): Promise<Person> {
  const data = validate(personInput, input);
  return audited(deps, actor, 'person', async (tx, at) => {
    if (await deps.repos.people.findBySlug(data.slug, tx)) slugTaken();
    await checkRoleOrganizations(deps, data.roles, tx);
    return deps.repos.people.insert(data, at, tx);
  });
}

export async function createTopic(
  deps: EntityDeps,
  input: TopicInput,
  actor: Actor,
): Promise<Topic> {
  const data = validate(topicInput, input);
  return audited(deps, actor, 'topic', async (tx, at) => {
    if (await deps.repos.topics.findBySlug(data.slug, tx)) slugTaken();
    return deps.repos.topics.insert(data, at, tx);
  });
}

export async function createPlace(
  deps: EntityDeps,
  input: PlaceInput,
  actor: Actor,
): Promise<Place> {
  const data = validate(placeInput, input);
  return audited(deps, actor, 'place', async (tx, at) => {
    if (await deps.repos.places.findBySlug(data.slug, tx)) slugTaken();
    await checkPlaceParent(deps, null, data.parentId, tx);
    return deps.repos.places.insert(data, at, tx);
  });
}

export async function createSeries(
  deps: EntityDeps,
  input: SeriesInput,
  actor: Actor,
): Promise<Series> {
  const data = validate(seriesInput, input);
  return audited(deps, actor, 'series', async (tx, at) => {
    if (await deps.repos.series.findBySlug(data.slug, tx)) slugTaken();
    return deps.repos.series.insert(data, at, tx);
  });
}
