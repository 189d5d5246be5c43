import { type MigrationResultSet, Migrator, sql } from 'kysely';
import type { Db } from './connect.ts';
import { allMigrations } from './migrations/index.ts';

export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
}

export class MigrationFailedError extends Error {
  override name = 'MigrationFailedError';
}

const TABLE = 'dossier_migration';
const LOCK_TABLE = 'dossier_migration_lock';

async function migrator(db: Db): Promise<Migrator> {
  const migrations = allMigrations(db.dialect);
  return new Migrator({
    db: db.kysely.withoutPlugins(),
    provider: { getMigrations: async () => migrations },
    migrationTableName: TABLE,
    migrationLockTableName: LOCK_TABLE,
    // Kysely looks for its tables across every schema it can see; naming ours keeps two
    // schemas in one PostgreSQL database (tests, or two archives) from mistaking each other's.
    ...(db.dialect === 'postgres' ? { migrationTableSchema: await currentSchema(db) } : {}),
  });
}

async function currentSchema(db: Db): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
    db.kysely,
  );
  const schema = rows[0]?.schema;
  if (!schema)
    throw new MigrationFailedError(
      'PostgreSQL has no current schema to migrate (check search_path)',
    );
  return schema;
}

/**
 * Brings the schema up to date. Kysely runs the pending migrations inside one transaction on both
 * databases (their DDL is transactional), so a failure leaves the schema as it was.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  await refuseNewerSchema(db);
  let result: MigrationResultSet = await (await migrator(db)).migrateToLatest();
  // Kysely looks for its own tables by introspecting every schema of the database. When another
  // schema is dropped during that look (test suites do this all the time), PostgreSQL answers
  // for a schema or a table that is not ours; a second look is clean.
  for (let retry = 0; retry < 3 && isDroppedDuringLook(result); retry++) {
    result = await (await migrator(db)).migrateToLatest();
  }
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new MigrationFailedError(
      `Migration ${failed ?? '(unknown)'} failed and was rolled back: ${reason}`,
    );
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Whether a migration run failed only because another schema was dropped while Kysely looked
 * at every table: "schema does not exist" (3F000), or, from the serial sequence of a table of
 * that schema, "relation does not exist" (42P01) before any migration ran.
 */
export function isDroppedDuringLook(result: MigrationResultSet): boolean {
  const code = (result.error as { code?: string } | undefined)?.code;
  if (code === '3F000') return true;
  // A table, or a column another suite's migration test drops and adds again, that vanished
  // between Kysely listing it and reading it.
  return (
    (code === '42P01' || code === '42703') && !result.results?.some((r) => r.status === 'Error')
  );
}

/** Names of migrations the database has run that this code does not know. */
async function refuseNewerSchema(db: Db): Promise<void> {
  const known = new Set(Object.keys(allMigrations(db.dialect)));
  const rows = await db.kysely
    .withoutPlugins()
    .withSchema(db.dialect === 'postgres' ? await currentSchema(db) : 'main')
    .selectFrom(TABLE as never)
    .select('name' as never)
    .execute()
    .catch(() => [] as Array<{ name: string }>);
  const unknown = (rows as Array<{ name: string }>).map((r) => r.name).filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new SchemaTooNewError(
      `The database schema is newer than this version of Dossier (it has ${unknown.join(', ')}). Upgrade Dossier, or restore a backup made by this version.`,
    );
  }
}

export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = await (await migrator(db)).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}
