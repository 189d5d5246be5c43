import type { Migration } from 'kysely';
import { contentModel } from './0001-content-model.ts';
import { textFolding } from './0002-text-folding.ts';
import type { SqlDialect } from './column-helpers.ts';

/**
 * Every migration, in order. Names sort in the order they run; a database that has run a name
 * this list lacks was migrated by a newer Dossier.
 */
export function allMigrations(dialect: SqlDialect): Record<string, Migration> {
  return {
    '0001-content-model': contentModel(dialect),
    '0002-text-folding': textFolding(dialect),
  };
}
