import { sql } from 'kysely';
import { double, type MigrationDb, type SqlDialect, withId } from './column-helpers.ts';

/**
 * The content model: sections, publications and everything they link to, plus the tables that
 * later features fill in (revisions, users, audit trail, jobs, redirects, settings).
 */
export function contentModel(dialect: SqlDialect) {
  return {
    async up(db: MigrationDb): Promise<void> {
      const s = db.schema;
      await s
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await withId(s.createTable('sections'), dialect)
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('title_ko', 'text')
        .addColumn('description', 'text')
        .addColumn('description_ko', 'text')
        .addColumn('disclaimer', 'text')
        .addColumn('disclaimer_ko', 'text')
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await withId(s.createTable('organizations'), dialect)
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_ko', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await withId(s.createTable('people'), dialect)
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('sort_name', 'text', (c) => c.notNull())
        .addColumn('name_ko', 'text')
        .addColumn('bio', 'text')
        .addColumn('bio_ko', 'text')
        .addColumn('orcid', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await withId(s.createTable('person_roles'), dialect)
        .addColumn('person_id', 'integer', (c) =>
          c.notNull().references('people.id').onDelete('cascade'),
        )
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('organization_id', 'integer', (c) =>
          c.references('organizations.id').onDelete('set null'),
        )
        .addColumn('starts_on', 'text')
        .addColumn('ends_on', 'text')
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await s.createIndex('person_roles_person').on('person_roles').column('person_id').execute();

      await withId(s.createTable('topics'), dialect)
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_ko', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await withId(s.createTable('places'), dialect)
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('parent_id', 'integer', (c) => c.references('places.id').onDelete('set null'))
        .addColumn('latitude', double(dialect))
        .addColumn('longitude', double(dialect))
        .addColumn('coordinates_source', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await s.createIndex('places_parent').on('places').column('parent_id').execute();

      await withId(s.createTable('place_names'), dialect)
        .addColumn('place_id', 'integer', (c) =>
          c.notNull().references('places.id').onDelete('cascade'),
        )
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('scheme', 'text', (c) => c.notNull())
        .addColumn('preferred', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addUniqueConstraint('place_names_unique', ['place_id', 'name', 'scheme'])
        .execute();

      await withId(s.createTable('series'), dialect)
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('title_ko', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await withId(s.createTable('publications'), dialect)
        .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id'))
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('subtitle', 'text')
        .addColumn('summary', 'text')
        .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
        .addColumn('translation_group', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
        .addColumn('published_at', 'text')
        .addColumn('revised_at', 'text')
        .addColumn('scheduled_at', 'text')
        .addColumn('embargo_until', 'text')
        .addColumn('withdrawn_at', 'text')
        .addColumn('withdrawn_reason', 'text')
        .addColumn('venue_id', 'integer', (c) =>
          c.references('organizations.id').onDelete('set null'),
        )
        .addColumn('external_url', 'text')
        .addColumn('excerpt_only', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('series_id', 'integer', (c) => c.references('series.id').onDelete('set null'))
        .addColumn('series_position', 'integer')
        .addColumn('report_number', 'text')
        .addColumn('doi', 'text')
        .addColumn('disclaimer', 'text')
        .addColumn('needs_attention', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('deleted_at', 'text')
        .addUniqueConstraint('publications_section_slug', ['section_id', 'slug'])
        .addCheckConstraint(
          'publications_status',
          sql`status in ('draft', 'in-review', 'scheduled', 'published', 'withdrawn')`,
        )
        .execute();
      // The public listings read "published, newest first" far more than anything else.
      await s
        .createIndex('publications_public')
        .on('publications')
        .columns(['status', 'published_at'])
        .execute();
      await s
        .createIndex('publications_section')
        .on('publications')
        .columns(['section_id', 'published_at'])
        .execute();
      await s
        .createIndex('publications_series')
        .on('publications')
        .columns(['series_id', 'series_position'])
        .execute();
      await s
        .createIndex('publications_translation')
        .on('publications')
        .column('translation_group')
        .execute();
      await s.createIndex('publications_updated').on('publications').column('updated_at').execute();

      await withId(s.createTable('contributions'), dialect)
        .addColumn('publication_id', 'integer', (c) =>
          c.notNull().references('publications.id').onDelete('cascade'),
        )
        .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('credit', 'text', (c) => c.notNull().defaultTo('primary'))
        .addColumn('affiliation_label', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();
      await s
        .createIndex('contributions_publication')
        .on('contributions')
        .columns(['publication_id', 'position'])
        .execute();
      await s.createIndex('contributions_person').on('contributions').column('person_id').execute();

      for (const [table, column, target] of [
        ['publication_topics', 'topic_id', 'topics.id'],
        ['publication_places', 'place_id', 'places.id'],
      ] as const) {
        await s
          .createTable(table)
          .addColumn('publication_id', 'integer', (c) =>
            c.notNull().references('publications.id').onDelete('cascade'),
          )
          .addColumn(column, 'integer', (c) => c.notNull().references(target).onDelete('cascade'))
          .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
          .addPrimaryKeyConstraint(`${table}_pk`, ['publication_id', column])
          .execute();
        await s.createIndex(`${table}_by_${column}`).on(table).column(column).execute();
      }

      await withId(s.createTable('stored_files'), dialect)
        .addColumn('sha256', 'text', (c) => c.notNull().unique())
        .addColumn('byte_size', 'bigint', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('page_count', 'integer')
        .addColumn('extraction_status', 'text', (c) => c.notNull().defaultTo('none'))
        .addColumn('extraction_error', 'text')
        .addColumn('metadata', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await withId(s.createTable('attachments'), dialect)
        .addColumn('publication_id', 'integer', (c) =>
          c.notNull().references('publications.id').onDelete('cascade'),
        )
        .addColumn('stored_file_id', 'integer', (c) => c.notNull().references('stored_files.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('alt_text', 'text')
        .addColumn('caption', 'text')
        .addColumn('credit', 'text')
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        // One URL per file name under a publication's folder.
        .addUniqueConstraint('attachments_file_name', ['publication_id', 'file_name'])
        .execute();
      await s.createIndex('attachments_file').on('attachments').column('stored_file_id').execute();

      await s
        .createTable('pdf_pages')
        .addColumn('stored_file_id', 'integer', (c) =>
          c.notNull().references('stored_files.id').onDelete('cascade'),
        )
        .addColumn('page_number', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('pdf_pages_pk', ['stored_file_id', 'page_number'])
        .execute();

      await withId(s.createTable('users'), dialect)
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await withId(s.createTable('revisions'), dialect)
        .addColumn('publication_id', 'integer', (c) =>
          c.notNull().references('publications.id').onDelete('cascade'),
        )
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addColumn('author_user_id', 'integer', (c) =>
          c.references('users.id').onDelete('set null'),
        )
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('revisions_version', ['publication_id', 'version'])
        .execute();

      await withId(s.createTable('audit_events'), dialect)
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_user_id', 'integer')
        .addColumn('actor_label', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject_type', 'text')
        .addColumn('subject_id', 'text')
        .addColumn('detail', 'text')
        .addColumn('ip', 'text')
        .execute();
      await s.createIndex('audit_events_at').on('audit_events').column('at').execute();

      await withId(s.createTable('jobs'), dialect)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued'))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5))
        .addColumn('run_after', 'text', (c) => c.notNull())
        .addColumn('lease_owner', 'text')
        .addColumn('lease_expires_at', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await s.createIndex('jobs_ready').on('jobs').columns(['status', 'run_after']).execute();

      await withId(s.createTable('redirects'), dialect)
        .addColumn('from_path', 'text', (c) => c.notNull().unique())
        .addColumn('to_path', 'text', (c) => c.notNull())
        .addColumn('status_code', 'integer', (c) => c.notNull().defaultTo(301))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
