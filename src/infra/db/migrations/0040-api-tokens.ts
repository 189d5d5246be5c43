import { type MigrationDb, type SqlDialect, withId } from './column-helpers.ts';

/**
 * API tokens: created by an admin for one user, scoped (read-drafts, write, publish), stored as
 * the SHA-256 hash of the secret (shown once, never again), revocable, with their last use.
 */
export function apiTokens(dialect: SqlDialect) {
  return {
    async up(db: MigrationDb): Promise<void> {
      await withId(db.schema.createTable('api_tokens'), dialect)
        .addColumn('user_id', 'integer', (c) =>
          c.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        // The first characters of the secret, so staff can tell tokens apart without the secret.
        .addColumn('prefix', 'text', (c) => c.notNull())
        // Space-separated scope names, in a fixed order.
        .addColumn('scopes', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by_user_id', 'integer', (c) =>
          c.references('users.id').onDelete('set null'),
        )
        .addColumn('last_used_at', 'text')
        .addColumn('last_used_ip', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();
    },
  };
}
