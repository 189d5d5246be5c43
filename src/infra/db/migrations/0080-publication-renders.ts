import { sql } from 'kysely';
import type { MigrationDb } from './column-helpers.ts';

/**
 * Publication pages rendered ahead of time (src/services/reading/stored-page.ts).
 *
 * `publication_renders` keeps, per publication and interface language, the parts of its page
 * that only its own data shapes, as HTML. A row is good only while three things it was made from
 * still hold: the renderer (the code and the public URL), the publication's stamp and the site's
 * stamp (`render_stamps`, row 0). Writers move a stamp inside their own transaction, so a row
 * made from data read before a write is never used after it, even if it was stored later.
 */
export function publicationRenders() {
  return {
    async up(db: MigrationDb): Promise<void> {
      await db.schema
        .createTable('render_stamps')
        // 0 is the whole site; any other number is a publication's id. No foreign key: a stamp
        // outliving its publication is harmless, and 0 names no row.
        .addColumn('publication_id', 'integer', (c) => c.primaryKey())
        .addColumn('stamp', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('publication_renders')
        .addColumn('publication_id', 'integer', (c) =>
          c.notNull().references('publications.id').onDelete('cascade'),
        )
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('renderer', 'text', (c) => c.notNull())
        .addColumn('stamp', 'integer', (c) => c.notNull())
        .addColumn('site_stamp', 'integer', (c) => c.notNull())
        .addColumn('head', 'text', (c) => c.notNull())
        .addColumn('breadcrumbs', 'text', (c) => c.notNull())
        .addColumn('header', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('publication_renders_pk', ['publication_id', 'locale'])
        .execute();
      await sql`insert into render_stamps (publication_id, stamp) values (0, 0)`.execute(db);
    },
  };
}
