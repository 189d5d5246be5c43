import { type MigrationDb, type SqlDialect, withId } from './column-helpers.ts';

/**
 * Editorial notes: what one editor leaves on a piece for the next reviewer, and the explicit
 * sign-off a reviewer records before testimony goes live. A note is history: it is never edited
 * or deleted, it goes with its piece when the piece is purged, and it outlives its author's
 * account (the author becomes unknown, as on preview links). Never public.
 */
export function editorialNotes(dialect: SqlDialect) {
  return {
    async up(db: MigrationDb): Promise<void> {
      await withId(db.schema.createTable('editorial_notes'), dialect)
        .addColumn('publication_id', 'integer', (c) =>
          c.notNull().references('publications.id').onDelete('cascade'),
        )
        .addColumn('author_user_id', 'integer', (c) =>
          c.references('users.id').onDelete('set null'),
        )
        .addColumn('kind', 'text', (c) => c.notNull().defaultTo('note'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('editorial_notes_publication')
        .on('editorial_notes')
        .column('publication_id')
        .execute();
    },
  };
}
