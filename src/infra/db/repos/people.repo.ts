import type { Person } from '../../../core/entities.ts';
import type { Tx } from '../../../core/ports.ts';
import type { NewPerson, PeopleRepository } from '../../../core/repositories/people-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';
import { EntityTable, linkedPublicationIds, replaceLinkRows } from './entity-table.ts';

const PERSON_COLUMNS = [
  'id',
  'slug',
  'name',
  'sortName',
  'nameKo',
  'nameKoSource',
  'bio',
  'bioKo',
  'orcid',
  'updatedAt',
] as const;

export class PeopleRepo implements PeopleRepository {
  private readonly rows: EntityTable<'people', Omit<Person, 'roles'>>;

  constructor(private readonly db: Executor) {
    this.rows = new EntityTable(db, 'people', PERSON_COLUMNS);
  }

  async insert(person: NewPerson, at: string, tx?: Tx): Promise<Person> {
    const { roles, ...row } = person;
    const inserted = await this.rows.insert({ ...row, createdAt: at, updatedAt: at }, tx);
    await replaceLinkRows(this.db, 'personRoles', 'personId', inserted.id, roles, tx);
    return { ...inserted, roles };
  }

  async update(id: number, person: NewPerson, at: string, tx?: Tx): Promise<void> {
    const { roles, ...row } = person;
    await this.rows.update(id, { ...row, updatedAt: at }, tx);
    await replaceLinkRows(this.db, 'personRoles', 'personId', id, roles, tx);
  }

  async findBySlug(slug: string, tx?: Tx): Promise<Person | undefined> {
    const row = await this.rows.findBy('slug', slug, tx);
    return row ? (await this.withRoles([row], tx))[0] : undefined;
  }

  async findById(id: number, tx?: Tx): Promise<Person | undefined> {
    return (await this.findByIds([id], tx))[0];
  }

  /** Publications that credit this person, trashed ones included: their derived data names them. */
  publicationIds(personId: number, tx?: Tx): Promise<number[]> {
    return linkedPublicationIds(this.db, 'contributions', 'personId', personId, tx);
  }

  async findByIds(ids: readonly number[], tx?: Tx): Promise<Person[]> {
    return this.withRoles(await this.rows.findByIds(ids, tx), tx);
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
    return this.withRoles(await this.rows.list(['sortName'], tx), tx);
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
