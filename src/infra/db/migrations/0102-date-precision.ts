import type { MigrationDb } from './column-helpers.ts';

/**
 * How much of a piece's date its source printed: the day, only the month, or only the year.
 * `published_at` stays an instant (feeds and ordering need one); this says which part of it a
 * reader may be shown as known.
 */
export function datePrecision() {
  return {
    async up(db: MigrationDb): Promise<void> {
      await db.schema
        .alterTable('publications')
        .addColumn('published_precision', 'text', (c) => c.notNull().defaultTo('day'))
        .execute();
    },
  };
}
