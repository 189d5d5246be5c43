import type { MigrationDb } from './column-helpers.ts';

/**
 * One counter of failed sign-ins per account and per address (src/services/auth/rate-limit.ts).
 * An attempt is counted here before its password is checked, by a compare-and-set on `version`,
 * so attempts that arrive together are counted one after another and the limit holds; counting
 * the rows of `sign_in_attempts` could only see the failures already written, after the slow
 * password hash. `sign_in_attempts` stays the record of every outcome.
 */
export function signInLimits() {
  return {
    async up(db: MigrationDb): Promise<void> {
      await db.schema
        .createTable('sign_in_limits')
        // 'account:<e-mail>' or 'address:<ip>'.
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('last_failure_at', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
    },
  };
}
