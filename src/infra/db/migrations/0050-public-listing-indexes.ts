import { sql } from 'kysely';
import type { MigrationDb } from './column-helpers.ts';

/**
 * Public listings, counts and the menu ask the same question of every row: is it visible, is it
 * listed, which section. Publication rows carry their body and its HTML, so a check that has to
 * read the row costs a page read per publication; these indexes hold every column the rule
 * needs, after the columns listings seek and sort by, so counts and "does this section have
 * work" are answered from the index alone. They replace the two narrower indexes they extend.
 */
export function publicListingIndexes() {
  const facts = ['deleted_at', 'embargo_until', 'type'];
  return {
    async up(db: MigrationDb): Promise<void> {
      await db.schema.dropIndex('publications_public').execute();
      await db.schema.dropIndex('publications_section').execute();
      await db.schema
        .createIndex('publications_public_listing')
        .on('publications')
        .columns(['status', 'published_at', 'id', ...facts, 'section_id'])
        .execute();
      await db.schema
        .createIndex('publications_public_section')
        .on('publications')
        .columns(['section_id', 'status', 'published_at', 'id', ...facts])
        .execute();
      // The static pages (About, Contact) are a handful among thousands: the menu finds them
      // without walking the listing.
      await db.schema
        .createIndex('publications_static_pages')
        .on('publications')
        .columns(['status', 'published_at', 'id', 'deleted_at', 'embargo_until'])
        .where(sql.ref('type'), '=', 'page')
        .execute();
    },
  };
}
