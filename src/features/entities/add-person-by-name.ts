import type { Actor } from '../../core/actor.ts';
import type { Person } from '../../core/entities.ts';
import { ValidationError } from '../../core/errors.ts';
import { slugify } from '../../core/slug.ts';
import { createPerson, type EntityDeps } from './create-entities.ts';

/** What the editor's small "New person" dialog asks for. */
export interface NewPersonByName {
  name: string;
  sortName?: string | null;
  nameKo?: string | null;
  roleTitle?: string | null;
  organizationId?: number | null;
}

const FREE_SLUG_TRIES = 50;

/**
 * Adds a person from a name as printed, without a slug of the editor's: the slug is made from
 * the name (Hangul romanized), with a number added when another person holds it, so two
 * "Kim Young-il"s can both be credited. The full person form edits the rest later.
 */
export async function addPersonByName(
  deps: EntityDeps,
  input: NewPersonByName,
  actor: Actor,
): Promise<Person> {
  const name = input.name.trim();
  const base = slugify(name || input.nameKo || '', 'person');
  const role = input.roleTitle?.trim();
  for (let n = 1; n <= FREE_SLUG_TRIES; n++) {
    const slug = n === 1 ? base : `${base.slice(0, 110)}-${n}`;
    if (await deps.repos.people.findBySlug(slug)) continue;
    try {
      return await createPerson(
        deps,
        {
          slug,
          name,
          sortName: input.sortName?.trim() || name,
          nameKo: input.nameKo?.trim() || null,
          nameKoSource: null,
          bio: null,
          bioKo: null,
          orcid: null,
          roles: role
            ? [
                {
                  title: role,
                  organizationId: input.organizationId ?? null,
                  startsOn: null,
                  endsOn: null,
                },
              ]
            : [],
        },
        actor,
      );
    } catch (error) {
      // Another editor took the slug between the look and the write: try the next number.
      if (!(error instanceof ValidationError && error.issues[0]?.path === 'slug')) throw error;
    }
  }
  throw new ValidationError('name: Too many people share this name; use the full person form', [
    { path: 'name', message: 'Too many people share this name; use the full person form' },
  ]);
}
