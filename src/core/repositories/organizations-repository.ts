import type { Organization } from '../entities.ts';
import type { Tx } from '../ports.ts';

export type NewOrganization = Omit<Organization, 'id'>;

export interface OrganizationsRepository {
  insert(org: NewOrganization, at: string, tx?: Tx): Promise<Organization>;
  update(id: number, org: NewOrganization, at: string, tx?: Tx): Promise<void>;
  findById(id: number, tx?: Tx): Promise<Organization | undefined>;
  findBySlug(slug: string, tx?: Tx): Promise<Organization | undefined>;
  findByIds(ids: readonly number[], tx?: Tx): Promise<Organization[]>;
  list(tx?: Tx): Promise<Organization[]>;
}
