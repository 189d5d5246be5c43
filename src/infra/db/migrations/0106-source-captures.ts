import { type MigrationDb, type SqlDialect, withId } from './column-helpers.ts';

/**
 * Captures of the sources pieces cite. `cited_sources` is what each piece cites now (its body's
 * and footnotes' external links, replaced on every save); `source_captures` keeps every capture of
 * an address, newest last, with the WARC as a stored file (so backups, fixity and the chain of
 * custody cover it), the SHA-256 of the body as received, a text extract, and, when an editor
 * takes a copy down, when and why.
 */
export function sourceCaptures(dialect: SqlDialect) {
  return {
    async up(db: MigrationDb): Promise<void> {
      await db.schema
        .createTable('cited_sources')
        .addColumn('publication_id', 'integer', (c) =>
          c.notNull().references('publications.id').onDelete('cascade'),
        )
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('cited_sources_pk', ['publication_id', 'url'])
        .execute();
      await db.schema.createIndex('cited_sources_url').on('cited_sources').column('url').execute();
      await withId(db.schema.createTable('source_captures'), dialect)
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('final_url', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('http_status', 'integer')
        .addColumn('content_type', 'text')
        .addColumn('stored_file_id', 'integer', (c) => c.references('stored_files.id'))
        .addColumn('body_sha256', 'text')
        .addColumn('body_bytes', 'integer')
        .addColumn('text', 'text')
        .addColumn('reason', 'text')
        .addColumn('captured_at', 'text', (c) => c.notNull())
        .addColumn('taken_down_at', 'text')
        .addColumn('taken_down_reason', 'text')
        .execute();
      await db.schema
        .createIndex('source_captures_url')
        .on('source_captures')
        .columns(['url', 'id'])
        .execute();
    },
  };
}
