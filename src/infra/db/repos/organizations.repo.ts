import type { Organization } from '../../../core/entities.ts';
import type { OrganizationsRepository } from '../../../core/repositories/organizations-repository.ts';
import type { Executor } from '../executor.ts';
import { SluggedEntityRepo } from './slugged-entity-repo.ts';

export class OrganizationsRepo
  extends SluggedEntityRepo<'organizations', Organization>
  implements OrganizationsRepository
{
  constructor(db: Executor) {
    super(db, 'organizations', ['id', 'slug', 'name', 'nameKo', 'kind', 'url'], 'name');
  }
}
