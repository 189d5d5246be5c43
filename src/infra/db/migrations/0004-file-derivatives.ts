import type { MigrationDb, SqlDialect } from './column-helpers.ts';
import { withId } from './column-helpers.ts';

/**
 * Files made from other files: a PDF's first-page thumbnail, an image's resized copies in WebP
 * and AVIF. The derived bytes are stored files themselves (so fixity checks them too); this table
 * says what each one is and what it was made from.
 */
export function fileDerivatives(dialect: SqlDialect) {
  return {
    async up(db: MigrationDb): Promise<void> {
      await withId(db.schema.createTable('file_derivatives'), dialect)
        .addColumn('source_file_id', 'integer', (c) =>
          c.notNull().references('stored_files.id').onDelete('cascade'),
        )
        .addColumn('file_id', 'integer', (c) => c.notNull().references('stored_files.id'))
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('file_derivatives_variant', [
          'source_file_id',
          'purpose',
          'media_type',
          'width',
        ])
        .execute();
      await db.schema
        .createIndex('file_derivatives_file')
        .on('file_derivatives')
        .column('file_id')
        .execute();
    },
  };
}
