import { type Kysely, sql } from 'kysely';

// Any database: the statements here name tables only as raw SQL.
type AnyDb = Pick<Kysely<unknown>, 'executeQuery' | 'getExecutor'>;

/**
 * Migrations run in order, so a test that runs an older migration again over an archive must
 * first undo every later one. Each migration after 0091 adds its undoing here.
 */
export const MIGRATIONS_AFTER_0091 = [
  '0092-public-record',
  '0093-sign-in-limits',
  '0095-preview-links',
] as const;

export async function undoMigrationsAfter0091(db: AnyDb): Promise<void> {
  await undoMigrationsAfter0092(db);
  await sql`alter table publications drop column public_from`.execute(db);
  await sql`alter table publications drop column public_until`.execute(db);
  await sql`delete from dossier_migration where name = '0092-public-record'`.execute(db);
}

/** The schema as 0092 left it. */
export async function undoMigrationsAfter0092(db: AnyDb): Promise<void> {
  await sql`drop table preview_links`.execute(db);
  await sql`drop table sign_in_limits`.execute(db);
  await sql`delete from dossier_migration
    where name in ('0093-sign-in-limits', '0095-preview-links')`.execute(db);
}
