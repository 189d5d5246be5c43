import type { MigrationDb } from './column-helpers.ts';

/**
 * A section's disclaimer as printed under a list of its pieces ("these articles … the
 * authors"), apart from the one printed with each piece ("this article … the author").
 */
export function sectionListDisclaimers() {
  return {
    async up(db: MigrationDb): Promise<void> {
      await db.schema.alterTable('sections').addColumn('list_disclaimer', 'text').execute();
      await db.schema.alterTable('sections').addColumn('list_disclaimer_ko', 'text').execute();
    },
  };
}
