import { type MigrationDb, type SqlDialect, withId } from './column-helpers.ts';

/**
 * Where imported records came from: one row per (source, key), such as ("wxr:example.org",
 * "post:42"), naming the record it became. A second run of the same import finds its rows here
 * and updates them instead of creating duplicates. `content_hash` lets a run skip a record whose
 * source has not changed.
 */
export function importSources(dialect: SqlDialect) {
  return {
    async up(db: MigrationDb): Promise<void> {
      await withId(db.schema.createTable('import_sources'), dialect)
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('source_key', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'integer', (c) => c.notNull())
        .addColumn('content_hash', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('import_sources_key', ['source', 'source_key'])
        .execute();
      await db.schema
        .createIndex('import_sources_entity')
        .on('import_sources')
        .columns(['entity_type', 'entity_id'])
        .execute();
    },
  };
}
