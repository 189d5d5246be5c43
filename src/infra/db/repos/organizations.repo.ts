import type { Organization } from '../../../core/entities.ts';
import type { Tx } from '../../../core/ports.ts';
import type {
  NewOrganization,
  OrganizationsRepository,
} from '../../../core/repositories/organizations-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';

const ORGANIZATION_COLUMNS = ['id', 'slug', 'name', 'nameKo', 'kind', 'url'] as const;

export class OrganizationsRepo implements OrganizationsRepository {
  constructor(private readonly db: Executor) {}

  async insert(org: NewOrganization, at: string, tx?: Tx): Promise<Organization> {
    return dbOrTx(this.db, tx)
      .insertInto('organizations')
      .values({ ...org, createdAt: at, updatedAt: at })
      .returning(ORGANIZATION_COLUMNS)
      .executeTakeFirstOrThrow();
  }

  async update(id: number, org: NewOrganization, at: string, tx?: Tx): Promise<void> {
    await dbOrTx(this.db, tx)
      .updateTable('organizations')
      .set({ ...org, updatedAt: at })
      .where('id', '=', id)
      .execute();
  }

  async findById(id: number, tx?: Tx): Promise<Organization | undefined> {
    return dbOrTx(this.db, tx)
      .selectFrom('organizations')
      .select(ORGANIZATION_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async findBySlug(slug: string, tx?: Tx): Promise<Organization | undefined> {
    return dbOrTx(this.db, tx)
      .selectFrom('organizations')
      .select(ORGANIZATION_COLUMNS)
      .where('slug', '=', slug)
      .executeTakeFirst();
  }

  async findByIds(ids: readonly number[], tx?: Tx): Promise<Organization[]> {
    if (ids.length === 0) return [];
    return dbOrTx(this.db, tx)
      .selectFrom('organizations')
      .select(ORGANIZATION_COLUMNS)
      .where('id', 'in', [...ids])
      .execute();
  }

  async list(tx?: Tx): Promise<Organization[]> {
    return dbOrTx(this.db, tx)
      .selectFrom('organizations')
      .select(ORGANIZATION_COLUMNS)
      .orderBy('name')
      .execute();
  }
}
