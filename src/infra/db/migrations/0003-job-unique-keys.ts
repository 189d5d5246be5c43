import { sql } from 'kysely';
import type { MigrationDb } from './column-helpers.ts';

/**
 * A job may carry a key that at most one live (queued or running) job holds at a time. Recurring
 * work such as the fixity check schedules itself under its kind's key, so several servers
 * starting at once still leave one schedule, not one per server. A partial unique index does
 * this on both SQLite and PostgreSQL; finished jobs keep their key for the record.
 */
export function jobUniqueKeys() {
  return {
    async up(db: MigrationDb): Promise<void> {
      await db.schema.alterTable('jobs').addColumn('unique_key', 'text').execute();
      await db.schema
        .createIndex('jobs_live_unique_key')
        .on('jobs')
        .column('unique_key')
        .unique()
        .where(sql.ref('status'), 'in', ['queued', 'running'])
        .execute();
    },
  };
}
