import { type MigrationDb, type SqlDialect, withId } from './column-helpers.ts';

/**
 * One image record shared by a report's figures and people's photos, and extended by satellite
 * scenes in a table of their own keyed by `images.id`. The words (alt text, caption, credit,
 * source, date) live here once, whatever shows the image; the bytes are a stored file and its
 * display copies are that file's derivatives.
 */
export function images(dialect: SqlDialect) {
  return {
    async up(db: MigrationDb): Promise<void> {
      await withId(db.schema.createTable('images'), dialect)
        .addColumn('stored_file_id', 'integer', (c) => c.notNull().references('stored_files.id'))
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('fallback_type', 'text', (c) => c.notNull())
        .addColumn('alt', 'text')
        .addColumn('alt_ko', 'text')
        .addColumn('decorative', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('caption', 'text')
        .addColumn('caption_ko', 'text')
        .addColumn('credit', 'text')
        .addColumn('source', 'text')
        .addColumn('taken_on', 'text')
        .addColumn('publication_id', 'integer', (c) =>
          c.references('publications.id').onDelete('cascade'),
        )
        .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('images_publication')
        .on('images')
        .column('publication_id')
        .execute();
      await db.schema.createIndex('images_person').on('images').column('person_id').execute();
      await db.schema.createIndex('images_file').on('images').column('stored_file_id').execute();
    },
  };
}
