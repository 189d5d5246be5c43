import type { Organization } from '../../domain/entities.ts';
import type { Tx } from '../../services/ports.ts';
import { dbOrTx, type Executor } from '../executor.ts';

export type NewOrganization = Omit<Organization, 'id'>;

export class OrganizationsRepo {
  constructor(private readonly db: Executor) {}

  async insert(org: NewOrganization, at: string, tx?: Tx): Promise<Organization> {
    return dbOrTx(this.db, tx)
      .insertInto('organizations')
      .values({ ...org, createdAt: at, updatedAt: at })
      .returning(['id', 'slug', 'name', 'nameKo', 'kind', 'url'])
      .executeTakeFirstOrThrow();
  }

  async findBySlug(slug: string, tx?: Tx): Promise<Organization | undefined> {
    return dbOrTx(this.db, tx)
      .selectFrom('organizations')
      .select(['id', 'slug', 'name', 'nameKo', 'kind', 'url'])
      .where('slug', '=', slug)
      .executeTakeFirst();
  }

  async findByIds(ids: readonly number[], tx?: Tx): Promise<Organization[]> {
    if (ids.length === 0) return [];
    return dbOrTx(this.db, tx)
      .selectFrom('organizations')
      .select(['id', 'slug', 'name', 'nameKo', 'kind', 'url'])
      .where('id', 'in', [...ids])
      .execute();
  }

  async list(tx?: Tx): Promise<Organization[]> {
    return dbOrTx(this.db, tx)
      .selectFrom('organizations')
      .select(['id', 'slug', 'name', 'nameKo', 'kind', 'url'])
      .orderBy('name')
      .execute();
  }
}
