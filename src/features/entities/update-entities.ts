import type { Actor } from '../../core/actor.ts';
import type { ChangeFeed } from '../../core/change-feed.ts';
import type { Organization, Person, Place, Section, Series, Topic } from '../../core/entities.ts';
import { NotFoundError } from '../../core/errors.ts';
import type { Tx } from '../../core/ports.ts';
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
import {
  audited,
  checkPlaceParent,
  checkRoleOrganizations,
  type EntityDeps,
  slugTaken,
} from './create-entities.ts';

/**
 * Editing the things publications link to. Each save is validated by the model's schema and
 * audited (`<subject>.update`). A publication's derived data (its search entry, with the names
 * of its people, topics and places) is rebuilt in the same transaction for every publication
 * linked to a changed person, topic or place, so a renamed camp is found under its new name at
 * once and a failed rebuild leaves the old name in place everywhere.
 */
export interface EntityUpdateDeps extends EntityDeps {
  changes: ChangeFeed;
}

function missing(what: string): never {
  throw new NotFoundError(`No such ${what}`);
}

async function refresh(deps: EntityUpdateDeps, publicationIds: number[], tx: Tx): Promise<void> {
  for (const id of publicationIds) await deps.changes.publicationChanged(id, tx);
}

export async function updateSection(
  deps: EntityUpdateDeps,
  id: number,
  input: SectionInput,
  actor: Actor,
): Promise<Section> {
  const data = validate(sectionInput, input);
  return audited(
    deps,
    actor,
    'section',
    async (tx, at) => {
      const current = (await deps.repos.sections.findById(id, tx)) ?? missing('section');
      const clash = await deps.repos.sections.findBySlug(data.slug, tx);
      if (clash && clash.id !== id) slugTaken();
      await deps.repos.sections.update(id, { ...data, updatedAt: at }, tx);
      return { ...current, ...data, updatedAt: at };
    },
    'update',
  );
}

export async function updateOrganization(
  deps: EntityUpdateDeps,
  id: number,
  input: OrganizationInput,
  actor: Actor,
): Promise<Organization> {
  const data = validate(organizationInput, input);
  return audited(
    deps,
    actor,
    'organization',
    async (tx, at) => {
      if (!(await deps.repos.organizations.findById(id, tx))) missing('organization');
      const clash = await deps.repos.organizations.findBySlug(data.slug, tx);
      if (clash && clash.id !== id) slugTaken();
      await deps.repos.organizations.update(id, data, at, tx);
      return { id, ...data };
    },
    'update',
  );
}

export async function updatePerson(
  deps: EntityUpdateDeps,
  id: number,
  input: PersonInput,
  actor: Actor,
): Promise<Person> {
  const data = validate(personInput, input);
  return audited(
    deps,
    actor,
    'person',
    async (tx, at) => {
      if (!(await deps.repos.people.findById(id, tx))) missing('person');
      const clash = await deps.repos.people.findBySlug(data.slug, tx);
      if (clash && clash.id !== id) slugTaken();
      await checkRoleOrganizations(deps, data.roles, tx);
      await deps.repos.people.update(id, data, at, tx);
      await refresh(deps, await deps.repos.people.publicationIds(id, tx), tx);
      return { id, ...data, updatedAt: at };
    },
    'update',
  );
}

export async function updateTopic(
  deps: EntityUpdateDeps,
  id: number,
  input: TopicInput,
  actor: Actor,
): Promise<Topic> {
  const data = validate(topicInput, input);
  return audited(
    deps,
    actor,
    'topic',
    async (tx, at) => {
      if (!(await deps.repos.topics.findById(id, tx))) missing('topic');
      const clash = await deps.repos.topics.findBySlug(data.slug, tx);
      if (clash && clash.id !== id) slugTaken();
      await deps.repos.topics.update(id, data, at, tx);
      await refresh(deps, await deps.repos.topics.publicationIds(id, tx), tx);
      return { id, ...data };
    },
    'update',
  );
}

export async function updatePlace(
  deps: EntityUpdateDeps,
  id: number,
  input: PlaceInput,
  actor: Actor,
): Promise<Place> {
  const data = validate(placeInput, input);
  return audited(
    deps,
    actor,
    'place',
    async (tx, at) => {
      if (!(await deps.repos.places.findById(id, tx))) missing('place');
      const clash = await deps.repos.places.findBySlug(data.slug, tx);
      if (clash && clash.id !== id) slugTaken();
      await checkPlaceParent(deps, id, data.parentId, tx);
      await deps.repos.places.update(id, data, at, tx);
      await refresh(deps, await deps.repos.places.publicationIds(id, tx), tx);
      return { id, ...data, updatedAt: at };
    },
    'update',
  );
}

export async function updateSeries(
  deps: EntityUpdateDeps,
  id: number,
  input: SeriesInput,
  actor: Actor,
): Promise<Series> {
  const data = validate(seriesInput, input);
  return audited(
    deps,
    actor,
    'series',
    async (tx, at) => {
      if (!(await deps.repos.series.findById(id, tx))) missing('series');
      const clash = await deps.repos.series.findBySlug(data.slug, tx);
      if (clash && clash.id !== id) slugTaken();
      await deps.repos.series.update(id, data, at, tx);
      return { id, ...data };
    },
    'update',
  );
}
