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
  '0096-images',
  '0099-korean-name-sources',
  '0100-honest-attribution',
  '0101-section-list-disclaimers',
  '0102-date-precision',
  '0103-scenes',
  '0104-editorial-notes',
  '0105-publication-proofs',
  '0106-source-captures',
] as const;

export async function undoMigrationsAfter0091(db: AnyDb): Promise<void> {
  await undoMigrationsAfter0092(db);
  await sql`alter table publications drop column public_from`.execute(db);
  await sql`alter table publications drop column public_until`.execute(db);
  await sql`delete from dossier_migration where name = '0092-public-record'`.execute(db);
}

/** The schema as 0092 left it. */
export async function undoMigrationsAfter0092(db: AnyDb): Promise<void> {
  await sql`drop table if exists source_captures`.execute(db);
  await sql`drop table if exists cited_sources`.execute(db);
  await sql`delete from dossier_migration where name = '0106-source-captures'`.execute(db);
  await sql`drop table if exists publication_proofs`.execute(db);
  await sql`delete from dossier_migration where name = '0105-publication-proofs'`.execute(db);
  await sql`drop table if exists editorial_notes`.execute(db);
  await sql`delete from dossier_migration where name = '0104-editorial-notes'`.execute(db);
  await sql`drop table if exists scene_annotations`.execute(db);
  await sql`drop table if exists scene_places`.execute(db);
  await sql`drop table if exists scenes`.execute(db);
  await sql`alter table places drop column footprint`.execute(db);
  await sql`alter table places drop column footprint_source`.execute(db);
  await sql`delete from dossier_migration where name = '0103-scenes'`.execute(db);
  await sql`alter table publications drop column published_precision`.execute(db);
  await sql`delete from dossier_migration where name = '0102-date-precision'`.execute(db);
  await sql`alter table sections drop column list_disclaimer`.execute(db);
  await sql`alter table sections drop column list_disclaimer_ko`.execute(db);
  await sql`delete from dossier_migration where name = '0101-section-list-disclaimers'`.execute(db);
  for (const column of ['keywords', 'archive_text', 'venue_status', 'translated_by_id']) {
    await sql`alter table publications drop column ${sql.ref(column)}`.execute(db);
  }
  await sql`alter table places drop column parent_source`.execute(db);
  await sql`alter table series drop column source`.execute(db);
  await sql`delete from dossier_migration where name = '0100-honest-attribution'`.execute(db);
  await sql`alter table people drop column name_ko_source`.execute(db);
  await sql`delete from dossier_migration where name = '0099-korean-name-sources'`.execute(db);
  await sql`drop table if exists images`.execute(db);
  await sql`delete from dossier_migration where name = '0096-images'`.execute(db);
  await sql`drop table preview_links`.execute(db);
  await sql`drop table sign_in_limits`.execute(db);
  await sql`delete from dossier_migration
    where name in ('0093-sign-in-limits', '0095-preview-links')`.execute(db);
}
