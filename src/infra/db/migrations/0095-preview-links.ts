import { sql } from 'kysely';
import { type MigrationDb, type SqlDialect, withId } from './column-helpers.ts';

/**
 * Preview links as rows, so that each can be listed and revoked on its own. Only the SHA-256 of a
 * link's secret is kept. Links made before this migration were signed with a key in the settings;
 * they stop working here, and the key goes.
 */
export function previewLinks(dialect: SqlDialect) {
  return {
    async up(db: MigrationDb): Promise<void> {
      await withId(db.schema.createTable('preview_links'), dialect)
        .addColumn('publication_id', 'integer', (c) =>
          c.notNull().references('publications.id').onDelete('cascade'),
        )
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by_user_id', 'integer', (c) =>
          c.references('users.id').onDelete('set null'),
        )
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createIndex('preview_links_publication')
        .on('preview_links')
        .column('publication_id')
        .execute();
      await sql`delete from settings where key = 'secret.preview-links'`.execute(db);
    },
  };
}
