import type { Person, PersonRole } from '../../../core/entities.ts';
import type { Tx } from '../../../core/ports.ts';
import type { NewPerson, PeopleRepository } from '../../../core/repositories/people-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';

const PERSON_COLUMNS = [
  'id',
  'slug',
  'name',
  'sortName',
  'nameKo',
  'bio',
  'bioKo',
  'orcid',
  'updatedAt',
] as const;

export class PeopleRepo implements PeopleRepository {
  constructor(private readonly db: Executor) {}

  async insert(person: NewPerson, at: string, tx?: Tx): Promise<Person> {
    const db = dbOrTx(this.db, tx);
    const { roles, ...row } = person;
    const inserted = await db
      .insertInto('people')
      .values({ ...row, createdAt: at, updatedAt: at })
      .returning(PERSON_COLUMNS)
      .executeTakeFirstOrThrow();
    await this.replaceRoles(inserted.id, roles, tx);
    return { ...inserted, roles };
  }

  async update(id: number, person: NewPerson, at: string, tx?: Tx): Promise<void> {
    const { roles, ...row } = person;
    await dbOrTx(this.db, tx)
      .updateTable('people')
      .set({ ...row, updatedAt: at })
      .where('id', '=', id)
      .execute();
    await this.replaceRoles(id, roles, tx);
  }

  private async replaceRoles(personId: number, roles: PersonRole[], tx?: Tx): Promise<void> {
    const db = dbOrTx(this.db, tx);
    await db.deleteFrom('personRoles').where('personId', '=', personId).execute();
    if (roles.length === 0) return;
    await db
      .insertInto('personRoles')
      .values(roles.map((r, position) => ({ ...r, personId, position })))
      .execute();
  }

  async findBySlug(slug: string, tx?: Tx): Promise<Person | undefined> {
    const row = await dbOrTx(this.db, tx)
      .selectFrom('people')
      .select(PERSON_COLUMNS)
      .where('slug', '=', slug)
      .executeTakeFirst();
    return row ? (await this.withRoles([row], tx))[0] : undefined;
  }

  async findById(id: number, tx?: Tx): Promise<Person | undefined> {
    return (await this.findByIds([id], tx))[0];
  }

  /** Publications that credit this person, trashed ones included: their derived data names them. */
  async publicationIds(personId: number, tx?: Tx): Promise<number[]> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('contributions')
      .select('publicationId')
      .distinct()
      .where('personId', '=', personId)
      .orderBy('publicationId')
      .execute();
    return rows.map((r) => r.publicationId);
  }

  async findByIds(ids: readonly number[], tx?: Tx): Promise<Person[]> {
    if (ids.length === 0) return [];
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('people')
      .select(PERSON_COLUMNS)
      .where('id', 'in', [...ids])
      .execute();
    return this.withRoles(rows, tx);
  }

  /** Every person's names alone, without roles: enough to find someone by name. */
  names(tx?: Tx): Promise<Array<Pick<Person, 'id' | 'slug' | 'name' | 'nameKo'>>> {
    return dbOrTx(this.db, tx)
      .selectFrom('people')
      .select(['id', 'slug', 'name', 'nameKo'])
      .orderBy('sortName')
      .execute();
  }

  async list(tx?: Tx): Promise<Person[]> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('people')
      .select(PERSON_COLUMNS)
      .orderBy('sortName')
      .execute();
    return this.withRoles(rows, tx);
  }

  private async withRoles(rows: Omit<Person, 'roles'>[], tx?: Tx): Promise<Person[]> {
    if (rows.length === 0) return [];
    const roles = await dbOrTx(this.db, tx)
      .selectFrom('personRoles')
      .select(['personId', 'title', 'organizationId', 'startsOn', 'endsOn'])
      .where(
        'personId',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('personId')
      .orderBy('position')
      .execute();
    // Grouped once: filtering the whole list per person is quadratic in an archive's thousands.
    const byPerson = new Map<number, Person['roles']>();
    for (const { personId, ...role } of roles) {
      const list = byPerson.get(personId);
      if (list) list.push(role);
      else byPerson.set(personId, [role]);
    }
    return rows.map((r) => ({ ...r, roles: byPerson.get(r.id) ?? [] }));
  }
}
