import type { MigrationDb } from './column-helpers.ts';

/**
 * What a piece says about who wrote what: the authors' key words as printed (apart from the
 * archive's topics), which texts the archive wrote itself, whether the venue has published the
 * piece or only announced it, and who translated this version; and the public sources of facts
 * an archive adds to what its sources print: where a place lies, which parts make a series.
 */
export function honestAttribution() {
  return {
    async up(db: MigrationDb): Promise<void> {
      await db.schema.alterTable('publications').addColumn('keywords', 'text').execute();
      await db.schema.alterTable('publications').addColumn('archive_text', 'text').execute();
      await db.schema
        .alterTable('publications')
        .addColumn('venue_status', 'text', (c) => c.notNull().defaultTo('published'))
        .execute();
      // No foreign key: the undo of a test drops the column, which SQLite refuses for a
      // referencing column; a deleted organization is a dangling id the reader's view skips.
      await db.schema.alterTable('publications').addColumn('translated_by_id', 'integer').execute();
      await db.schema.alterTable('places').addColumn('parent_source', 'text').execute();
      await db.schema.alterTable('series').addColumn('source', 'text').execute();
    },
  };
}
