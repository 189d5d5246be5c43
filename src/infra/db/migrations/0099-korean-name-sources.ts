import type { MigrationDb } from './column-helpers.ts';

/**
 * Where a person's Korean name is published. A Hangul form of a foreign name is a choice among
 * several transcriptions, so the public site shows one only with the source that prints it.
 */
export function koreanNameSources() {
  return {
    async up(db: MigrationDb): Promise<void> {
      await db.schema.alterTable('people').addColumn('name_ko_source', 'text').execute();
    },
  };
}
