import type { MigrationDb } from './column-helpers.ts';

/**
 * A digest of each stored page's parts, made when they are stored, so that the page's ETag can
 * be made from it and the few other things the page holds rather than by hashing the whole page
 * on every request (src/views/layout.tsx). Rows stored before it have none and are rendered
 * again at their next reading, as if they were out of date.
 */
export function publicationRenderDigests() {
  return {
    async up(db: MigrationDb): Promise<void> {
      await db.schema.alterTable('publication_renders').addColumn('digest', 'text').execute();
    },
  };
}
