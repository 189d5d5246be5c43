import { type MigrationDb, type SqlDialect, withId } from './column-helpers.ts';

/**
 * Satellite scenes and the places they mark. A scene extends an image record (keyed by
 * `images.id`, so it follows the image's visibility rule) with what imagery needs: sensor,
 * provider, licence, whether it is illustrative, its footprint in WGS 84 when the file is
 * georeferenced, and the geometry of its static IIIF tiles once they are made. Annotations are
 * numbered callouts drawn on the full-resolution pixels. Places gain a sourced outline.
 */
export function scenes(dialect: SqlDialect) {
  return {
    async up(db: MigrationDb): Promise<void> {
      await db.schema
        .createTable('scenes')
        .addColumn('image_id', 'integer', (c) =>
          c.primaryKey().references('images.id').onDelete('cascade'),
        )
        .addColumn('sensor', 'text')
        .addColumn('provider', 'text')
        .addColumn('licence', 'text')
        .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('footprint', 'text')
        .addColumn('footprint_crs', 'text')
        .addColumn('tiles', 'text')
        .addColumn('download_sha256', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('scene_places')
        .addColumn('image_id', 'integer', (c) =>
          c.notNull().references('scenes.image_id').onDelete('cascade'),
        )
        .addColumn('place_id', 'integer', (c) =>
          c.notNull().references('places.id').onDelete('cascade'),
        )
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('scene_places_pk', ['image_id', 'place_id'])
        .execute();
      await db.schema
        .createIndex('scene_places_place')
        .on('scene_places')
        .column('place_id')
        .execute();
      await withId(db.schema.createTable('scene_annotations'), dialect)
        .addColumn('image_id', 'integer', (c) =>
          c.notNull().references('scenes.image_id').onDelete('cascade'),
        )
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('shape', 'text', (c) => c.notNull())
        .addColumn('points', 'text', (c) => c.notNull())
        .addColumn('label', 'text')
        .addColumn('label_ko', 'text')
        .addColumn('note', 'text')
        .addColumn('note_ko', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('scene_annotations_scene')
        .on('scene_annotations')
        .columns(['image_id', 'number'])
        .unique()
        .execute();
      await db.schema.alterTable('places').addColumn('footprint', 'text').execute();
      await db.schema.alterTable('places').addColumn('footprint_source', 'text').execute();
    },
  };
}
