import { type MigrationDb, type SqlDialect, withId } from './column-helpers.ts';

/**
 * Sign-in: server-side sessions, passkeys, TOTP, recovery codes, one-time set-up links and the
 * record of sign-in attempts that rate limiting reads. Every token is stored as its SHA-256
 * hash, so a copy of the database cannot be used to sign in.
 */
export function accounts(dialect: SqlDialect) {
  return {
    async up(db: MigrationDb): Promise<void> {
      const s = db.schema;
      await s.alterTable('users').addColumn('totp_secret', 'text').execute();
      await s.alterTable('users').addColumn('totp_confirmed_at', 'text').execute();
      // The last TOTP time step accepted: a code can be used once, never replayed.
      await s.alterTable('users').addColumn('totp_last_step', 'integer').execute();

      // Contributors may edit only their own drafts: the record must say whose they are.
      await s
        .alterTable('publications')
        .addColumn('created_by_user_id', 'integer', (c) =>
          c.references('users.id').onDelete('set null'),
        )
        .execute();

      await s
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) =>
          c.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .addColumn('method', 'text', (c) => c.notNull())
        .execute();
      await s.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await withId(s.createTable('passkeys'), dialect)
        .addColumn('user_id', 'integer', (c) =>
          c.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('credential_id', 'text', (c) => c.notNull().unique())
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('counter', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('transports', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .execute();
      await s.createIndex('passkeys_user').on('passkeys').column('user_id').execute();

      await withId(s.createTable('recovery_codes'), dialect)
        .addColumn('user_id', 'integer', (c) =>
          c.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await s.createIndex('recovery_codes_user').on('recovery_codes').column('user_id').execute();

      await s
        .createTable('setup_tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) =>
          c.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();

      /** WebAuthn challenges live here, not in memory, so any process can finish a ceremony. */
      await s
        .createTable('auth_challenges')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('challenge', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();

      await withId(s.createTable('sign_in_attempts'), dialect)
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('ip', 'text')
        .addColumn('succeeded', 'integer', (c) => c.notNull())
        .execute();
      await s
        .createIndex('sign_in_attempts_email')
        .on('sign_in_attempts')
        .columns(['email', 'at'])
        .execute();
      await s
        .createIndex('sign_in_attempts_ip')
        .on('sign_in_attempts')
        .columns(['ip', 'at'])
        .execute();
    },
  };
}
